package org.suggestionbox.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The expected authorization decisions, one row per endpoint and one column per {@link Persona}, read
 * from {@code authorization-matrix.csv}. Values are outcome classes, so a row says what the caller is
 * let do, not which of several fine statuses the service picks.
 */
final class AuthorizationMatrix {

    static final String RESOURCE = "authorization-matrix.csv";

    /** An outcome class, as written in the matrix. */
    enum Outcome {

        /**
         * The caller got past authorization: 2xx, a 3xx that is not a redirect to sign-in, or 400, 406, 409,
         * 413, 415, 422 or 429 — what the request itself earns once the caller is allowed (a missing
         * field, a state that does not allow the move). Not 404: the matrix fills path variables with
         * things that exist, so a 404 is a service hiding them ({@link #HIDDEN}).
         */
        ALLOWED("allowed"),
        /** 403. */
        DENIED("denied"),
        /** 404 for a thing that exists: the service hides what the caller may not see. */
        HIDDEN("denied-404"),
        /** Not signed in: 401 under {@code /api/**}; a redirect to the sign-in page for pages. */
        SIGNIN("signin"),
        /**
         * Open without sign-in, and the answer does not depend on who asks: anything but a sign-in
         * challenge, 403, 404 or 5xx. A chat door's own 401 for an unsigned request is public too.
         */
        PUBLIC("public");

        private final String text;

        Outcome(String text) {
            this.text = text;
        }

        static Outcome of(String text) {
            for (Outcome outcome : values()) {
                if (outcome.text.equals(text)) {
                    return outcome;
                }
            }
            throw new IllegalArgumentException("Unknown outcome '" + text + "' in " + RESOURCE);
        }

        @Override
        public String toString() {
            return this.text;
        }
    }

    /** What a response was, as an outcome class where it is one ({@code error} for a 5xx, never expected). */
    static String observed(Endpoint endpoint, int status, Optional<String> location) {
        if (status >= 500) {
            return "error";
        }
        if (endpoint.api() ? status == 401 : isSignInRedirect(status, location)) {
            return Outcome.SIGNIN.toString();
        }
        return switch (status) {
            case 403 -> Outcome.DENIED.toString();
            case 404 -> Outcome.HIDDEN.toString();
            case 400, 406, 409, 413, 415, 422, 429 -> Outcome.ALLOWED.toString();
            default -> status < 400 ? Outcome.ALLOWED.toString() : "refused";
        };
    }

    static boolean matches(Outcome expected, String observed) {
        if (expected == Outcome.PUBLIC) {
            return observed.equals(Outcome.ALLOWED.toString()) || observed.equals("refused");
        }
        return expected.toString().equals(observed);
    }

    /** Spring Security's sign-in entry point: the password form, or the provider's authorization request. */
    private static boolean isSignInRedirect(int status, Optional<String> location) {
        if (status < 300 || status >= 400 || location.isEmpty()) {
            return false;
        }
        URI target = URI.create(location.get());
        String path = target.getPath() == null ? "" : target.getPath();
        return (path.equals("/login") && target.getQuery() == null) || path.startsWith("/oauth2/authorization/");
    }

    private final Map<Endpoint, Map<Persona, Outcome>> rows;

    private AuthorizationMatrix(Map<Endpoint, Map<Persona, Outcome>> rows) {
        this.rows = rows;
    }

    /** Rows in file order; {@code #} starts a comment line, blank lines are skipped. */
    static AuthorizationMatrix load() {
        InputStream in = AuthorizationMatrix.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is not on the test classpath");
        }
        Map<Endpoint, Map<Persona, Outcome>> rows = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Persona> columns = null;
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (String cell : line.split(",", -1)) {
                    cells.add(cell.strip());
                }
                if (columns == null) {
                    if (!cells.subList(0, 3).equals(List.of("service", "method", "path"))) {
                        throw new IllegalStateException(RESOURCE + " must start with service,method,path: " + line);
                    }
                    columns = cells.subList(3, cells.size()).stream()
                            .map(Persona::ofColumn)
                            .toList();
                    if (columns.size() != Persona.values().length) {
                        throw new IllegalStateException(RESOURCE + " needs one column per persona: " + line);
                    }
                    continue;
                }
                if (cells.size() != 3 + columns.size()) {
                    throw new IllegalStateException(RESOURCE + " line " + number + " has " + cells.size()
                            + " cells, not " + (3 + columns.size()) + ": " + line);
                }
                Endpoint endpoint = new Endpoint(cells.get(0), cells.get(1), cells.get(2));
                Map<Persona, Outcome> expected = new EnumMap<>(Persona.class);
                for (int i = 0; i < columns.size(); i++) {
                    expected.put(columns.get(i), Outcome.of(cells.get(3 + i)));
                }
                if (rows.put(endpoint, expected) != null) {
                    throw new IllegalStateException(RESOURCE + " line " + number + " decides " + endpoint + " again");
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new AuthorizationMatrix(rows);
    }

    Map<Endpoint, Map<Persona, Outcome>> rows() {
        return this.rows;
    }
}
