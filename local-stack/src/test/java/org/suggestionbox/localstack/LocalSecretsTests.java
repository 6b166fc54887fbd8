package org.suggestionbox.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTests {

    static final List<String> CONTRACT = List.of(
            "SLACK_SIGNING_SECRET",
            "SLACK_BOT_TOKEN",
            "TEAMS_SECURITY_TOKEN",
            "INTAKE_IDEMPOTENCY_SECRET",
            "WEBHOOK_SECRET",
            "RECIPIENT_REF_KEY",
            "ANONYMITY_ACTIVE_KEY_ID",
            "ANONYMITY_KEYS",
            "INTAKE_OIDC_CLIENT_SECRET",
            "ROUTER_OIDC_CLIENT_SECRET",
            "NOTIFIER_OIDC_CLIENT_SECRET",
            "HR_SYNC_CLIENT_SECRET",
            "METRICS_SCRAPE_TOKEN");

    @TempDir
    Path dataDir;

    /** Fixed stand-ins for tests of the environment. */
    static LocalSecrets sample() {
        return new LocalSecrets(Map.ofEntries(
                Map.entry("SLACK_SIGNING_SECRET", "slack-signing"),
                Map.entry("SLACK_BOT_TOKEN", "xoxb-sample"),
                Map.entry("TEAMS_SECURITY_TOKEN", "dGVhbXM="),
                Map.entry("INTAKE_IDEMPOTENCY_SECRET", "idempotency"),
                Map.entry("WEBHOOK_SECRET", "webhook"),
                Map.entry("RECIPIENT_REF_KEY", "cmVm"),
                Map.entry("ANONYMITY_ACTIVE_KEY_ID", "local-1"),
                Map.entry("ANONYMITY_KEYS", "local-1:a2V5"),
                Map.entry("INTAKE_OIDC_CLIENT_SECRET", "intake-client"),
                Map.entry("ROUTER_OIDC_CLIENT_SECRET", "router-client"),
                Map.entry("NOTIFIER_OIDC_CLIENT_SECRET", "notifier-client"),
                Map.entry("HR_SYNC_CLIENT_SECRET", "hr-sync-client"),
                Map.entry("METRICS_SCRAPE_TOKEN", "scrape")));
    }

    @Test
    void everySecretOfTheContractIsGeneratedOncePerDataDirectoryKeyedByItsVariable() throws IOException {
        LocalSecrets first = LocalSecrets.loadOrCreate(this.dataDir.resolve("one"));
        LocalSecrets second = LocalSecrets.loadOrCreate(this.dataDir.resolve("one"));
        LocalSecrets other = LocalSecrets.loadOrCreate(this.dataDir.resolve("other"));

        assertThat(first.values()).containsOnlyKeys(CONTRACT);
        assertThat(second).isEqualTo(first);
        assertThat(Files.readString(this.dataDir.resolve("one/secrets.properties"), StandardCharsets.UTF_8))
                .contains(
                        "SLACK_SIGNING_SECRET=" + first.get("SLACK_SIGNING_SECRET") + "\n",
                        "ANONYMITY_KEYS=" + first.get("ANONYMITY_KEYS") + "\n",
                        "TEAMS_SECURITY_TOKEN=" + first.get("TEAMS_SECURITY_TOKEN") + "\n");
        assertThat(Base64.getDecoder().decode(first.get("TEAMS_SECURITY_TOKEN")))
                .hasSize(32);
        assertThat(Base64.getDecoder().decode(first.get("ANONYMITY_KEYS").substring("local-1:".length())))
                .hasSize(32);
        assertThat(first.get("SLACK_SIGNING_SECRET")).hasSize(64);
        assertThat(first.get("SLACK_BOT_TOKEN")).startsWith("xoxb-local-");
        assertThat(first.get("HR_SYNC_CLIENT_SECRET")).matches("[A-Za-z0-9_-]{43}");
        assertThat(first.values().values().stream().distinct()).hasSize(CONTRACT.size());
        for (String variable : CONTRACT) {
            if (!variable.equals("ANONYMITY_ACTIVE_KEY_ID")) {
                assertThat(other.get(variable)).as(variable).isNotEqualTo(first.get(variable));
            }
        }
        assertThat(first.toString()).doesNotContain(first.get("SLACK_SIGNING_SECRET"));
    }

    @Test
    void anOlderStacksKeysAreKeptSoWhatTheySealedStillOpens() throws IOException {
        Files.writeString(this.dataDir.resolve("secrets.properties"), """
                anonymity.active-key-id=local-1
                anonymity.key=b2xkLWFub255bWl0eS1rZXktb2xkLWFub255bWl0eS0=
                recipient-ref.key=b2xkLXJlZi1rZXk=
                """, StandardCharsets.UTF_8);

        LocalSecrets secrets = LocalSecrets.loadOrCreate(this.dataDir);

        assertThat(secrets.get("ANONYMITY_ACTIVE_KEY_ID")).isEqualTo("local-1");
        assertThat(secrets.get("ANONYMITY_KEYS")).isEqualTo("local-1:b2xkLWFub255bWl0eS1rZXktb2xkLWFub255bWl0eS0=");
        assertThat(secrets.get("RECIPIENT_REF_KEY")).isEqualTo("b2xkLXJlZi1rZXk=");
        assertThat(secrets.values()).containsOnlyKeys(CONTRACT);
        assertThat(LocalSecrets.loadOrCreate(this.dataDir)).isEqualTo(secrets);
    }

    @Test
    void onlyTheOwnerMayReadTheSecretsFile() throws IOException {
        assumeTrue(Files.getFileStore(this.dataDir).supportsFileAttributeView("posix"), "a POSIX file system");
        Path file = this.dataDir.resolve("secrets.properties");

        LocalSecrets.loadOrCreate(this.dataDir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(this.dataDir).isDirectoryNotContaining(path -> !path.equals(file));
    }

    @Test
    void theSecretsAreWrittenToANewFileOfTheirOwnNotThroughWhatWasAtItsPath() throws IOException {
        assumeTrue(Files.getFileStore(this.dataDir).supportsFileAttributeView("posix"), "a POSIX file system");
        // given a link where the secrets file is to be created, to a file that does not exist yet
        Path elsewhere = this.dataDir.resolve("elsewhere.properties");
        Path file = Files.createSymbolicLink(this.dataDir.resolve("secrets.properties"), elsewhere);

        // when
        LocalSecrets secrets = LocalSecrets.loadOrCreate(this.dataDir);

        // then they went into a file of their own, created for the owner alone, and nowhere else
        assertThat(elsewhere).doesNotExist();
        assertThat(Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(LocalSecrets.loadOrCreate(this.dataDir)).isEqualTo(secrets);
    }

    @Test
    void anOlderStacksSecretsFileReadableByOthersIsKeptToItsOwner() throws IOException {
        assumeTrue(Files.getFileStore(this.dataDir).supportsFileAttributeView("posix"), "a POSIX file system");
        // given a complete file as the umask left it
        LocalSecrets secrets = LocalSecrets.loadOrCreate(this.dataDir);
        Path file = this.dataDir.resolve("secrets.properties");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        // when
        LocalSecrets again = LocalSecrets.loadOrCreate(this.dataDir);

        // then
        assertThat(again).isEqualTo(secrets);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void eachProcessGetsOnlyTheSecretsItReads() {
        LocalSecrets secrets = sample();

        assertThat(secrets.environmentFor("suggestion-intake"))
                .containsOnlyKeys(
                        "SLACK_SIGNING_SECRET",
                        "SLACK_BOT_TOKEN",
                        "TEAMS_SECURITY_TOKEN",
                        "INTAKE_IDEMPOTENCY_SECRET",
                        "ANONYMITY_ACTIVE_KEY_ID",
                        "ANONYMITY_KEYS",
                        "METRICS_SCRAPE_TOKEN",
                        "OIDC_CLIENT_SECRET")
                .containsEntry("OIDC_CLIENT_SECRET", "intake-client");
        assertThat(secrets.environmentFor("suggestion-router"))
                .containsOnly(
                        Map.entry("METRICS_SCRAPE_TOKEN", "scrape"), Map.entry("OIDC_CLIENT_SECRET", "router-client"));
        assertThat(secrets.environmentFor("feedback-notifier"))
                .containsOnlyKeys(
                        "RECIPIENT_REF_KEY",
                        "ANONYMITY_ACTIVE_KEY_ID",
                        "ANONYMITY_KEYS",
                        "METRICS_SCRAPE_TOKEN",
                        "OIDC_CLIENT_SECRET")
                .containsEntry("OIDC_CLIENT_SECRET", "notifier-client");
        assertThat(secrets.environmentFor(LocalSecrets.SIGN_IN_PROVIDER))
                .containsOnlyKeys(
                        "INTAKE_OIDC_CLIENT_SECRET",
                        "ROUTER_OIDC_CLIENT_SECRET",
                        "NOTIFIER_OIDC_CLIENT_SECRET",
                        "HR_SYNC_CLIENT_SECRET");
        assertThatIllegalArgumentException().isThrownBy(() -> secrets.environmentFor("kafka"));
    }
}
