#!/usr/bin/env bash
# Prints an access token for a person of the local stack, issued for one service, by walking the same
# OpenID Connect authorization-code flow with PKCE that a browser walks: authorize, sign in at the local
# sign-in provider, take the code, exchange it with the service's client secret.
#
#   ops/token.sh USER [SERVICE]      SERVICE: suggestion-intake | suggestion-router (default) | feedback-notifier
#
#   TOKEN=$(ops/token.sh maya)
#   curl -H "Authorization: Bearer $TOKEN" http://localhost:8082/api/queue
#
# Reads the client secret from the local stack's .local-stack/secrets.properties (SECRETS_FILE to change);
# PASSWORD (default demo), SIGNIN_URL (default http://localhost:9000) and SERVICE_URL override the rest.
set -euo pipefail
cd "$(dirname "$0")/.."

user="${1:?usage: ops/token.sh USER [suggestion-intake|suggestion-router|feedback-notifier]}"
client="${2:-suggestion-router}"
case "$client" in
    suggestion-intake) port=8081; variable=INTAKE_OIDC_CLIENT_SECRET ;;
    suggestion-router) port=8082; variable=ROUTER_OIDC_CLIENT_SECRET ;;
    feedback-notifier) port=8083; variable=NOTIFIER_OIDC_CLIENT_SECRET ;;
    *) echo "unknown service $client" >&2; exit 2 ;;
esac
issuer="${SIGNIN_URL:-http://localhost:9000}"
secrets="${SECRETS_FILE:-.local-stack/secrets.properties}"
secret="$(sed -n "s/^${variable}=//p" "$secrets")"
redirect="${SERVICE_URL:-http://localhost:$port}/login/oauth2/code/suggestionbox"

verifier="$(openssl rand -hex 48)"
challenge="$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | openssl base64 -A | tr '+/' '-_' | tr -d '=')"
state="$(openssl rand -hex 12)"
jar="$(mktemp)"
trap 'rm -f "$jar"' EXIT

# 1. the authorization request remembers what to come back to, then the sign-in page gives a CSRF token
curl -sf -c "$jar" -b "$jar" -o /dev/null -G "$issuer/oauth2/authorize" --data-urlencode response_type=code \
    --data-urlencode "client_id=$client" --data-urlencode scope=openid --data-urlencode "redirect_uri=$redirect" \
    --data-urlencode "state=$state" --data-urlencode "code_challenge=$challenge" --data-urlencode code_challenge_method=S256
csrf="$(curl -sf -c "$jar" -b "$jar" "$issuer/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//')"

# 2. signing in sends the browser back to the authorization endpoint, which redirects with the code
back="$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' --data-urlencode "username=$user" \
    --data-urlencode "password=${PASSWORD:-demo}" --data-urlencode "_csrf=$csrf" "$issuer/login")"
location="$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$back")"
code="$(printf '%s' "$location" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')"
if [[ -z "$code" ]]; then
    echo "sign-in refused for $user (redirected to ${location:-$back})" >&2
    exit 1
fi

# 3. the service's client exchanges the code, proving it started the flow (PKCE verifier)
curl -sf -u "$client:$secret" --data-urlencode grant_type=authorization_code --data-urlencode "code=$code" \
    --data-urlencode "redirect_uri=$redirect" --data-urlencode "code_verifier=$verifier" "$issuer/oauth2/token" \
    | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
