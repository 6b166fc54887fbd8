package org.suggestionbox.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Every secret of the identity and secrets contract (issue #11), generated at the first start into
 * {@code <data dir>/secrets.properties}, keyed by environment variable name ({@code SLACK_SIGNING_SECRET=…}),
 * and kept there: identities sealed before a restart still open after it, and a person can sign Slack and
 * Teams requests with them (or replace them with a real app's). None of them appears in the repository,
 * so the services' published demo values are refused by the local stack too. Only the file's owner may read it.
 *
 * <p>A file written by an older local stack ({@code anonymity.active-key-id}, {@code anonymity.key},
 * {@code recipient-ref.key}) is migrated: its anonymity key stays in the ring under its id, and the reference
 * key becomes {@code RECIPIENT_REF_KEY}, so what was sealed and referenced before still matches.
 *
 * @param values environment variable name → secret
 */
public record LocalSecrets(Map<String, String> values) {

    static final String FILE_NAME = "secrets.properties";

    /** The process name of the sign-in provider in {@link #environmentFor}. */
    public static final String SIGN_IN_PROVIDER = "sign-in-provider";

    public static final String SLACK_SIGNING_SECRET = "SLACK_SIGNING_SECRET";
    public static final String SLACK_BOT_TOKEN = "SLACK_BOT_TOKEN";
    public static final String TEAMS_SECURITY_TOKEN = "TEAMS_SECURITY_TOKEN";
    public static final String INTAKE_IDEMPOTENCY_SECRET = "INTAKE_IDEMPOTENCY_SECRET";
    public static final String WEBHOOK_SECRET = "WEBHOOK_SECRET";
    public static final String RECIPIENT_REF_KEY = "RECIPIENT_REF_KEY";
    public static final String ANONYMITY_ACTIVE_KEY_ID = "ANONYMITY_ACTIVE_KEY_ID";
    public static final String ANONYMITY_KEYS = "ANONYMITY_KEYS";
    public static final String INTAKE_OIDC_CLIENT_SECRET = "INTAKE_OIDC_CLIENT_SECRET";
    public static final String ROUTER_OIDC_CLIENT_SECRET = "ROUTER_OIDC_CLIENT_SECRET";
    public static final String NOTIFIER_OIDC_CLIENT_SECRET = "NOTIFIER_OIDC_CLIENT_SECRET";
    public static final String HR_SYNC_CLIENT_SECRET = "HR_SYNC_CLIENT_SECRET";
    public static final String METRICS_SCRAPE_TOKEN = "METRICS_SCRAPE_TOKEN";

    /** The variable each service reads its own client secret from. */
    static final String OIDC_CLIENT_SECRET = "OIDC_CLIENT_SECRET";

    private static final String OLD_ANONYMITY_KEY_ID = "anonymity.active-key-id";
    private static final String OLD_ANONYMITY_KEY = "anonymity.key";
    private static final String OLD_RECIPIENT_REF_KEY = "recipient-ref.key";

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    public LocalSecrets {
        values = Map.copyOf(values);
    }

    /** The secrets of this data directory, generating (and migrating) what is missing. */
    public static LocalSecrets loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        Properties properties = new Properties();
        try {
            Files.createDirectories(dataDir);
            if (Files.exists(file)) {
                keepToOwner(file);
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
            }
            boolean changed = migrate(properties);
            for (Map.Entry<String, Supplier<String>> secret : generators().entrySet()) {
                if (properties.getProperty(secret.getKey(), "").isBlank()) {
                    properties.setProperty(secret.getKey(), secret.getValue().get());
                    changed = true;
                }
            }
            if (changed) {
                write(file, properties);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not read or write " + file, ex);
        }
        Map<String, String> values = new TreeMap<>();
        properties
                .stringPropertyNames()
                .forEach(name -> values.put(name, properties.getProperty(name).strip()));
        return new LocalSecrets(values);
    }

    /** The secret of one environment variable. */
    public String get(String variable) {
        String value = values.get(variable);
        if (value == null) {
            throw new IllegalArgumentException("No local secret " + variable + "; there are " + values.keySet());
        }
        return value;
    }

    /**
     * The secrets one process reads, as its environment variables: each service gets only its own (its
     * client secret as {@code OIDC_CLIENT_SECRET}); the {@link #SIGN_IN_PROVIDER} gets the four client secrets.
     * The notifier's optional {@code SLACK_BOT_TOKEN} and {@code WEBHOOK_SECRET} are not passed: blank keeps
     * those channels off, as a local stack has no Slack workspace or webhook receiver.
     *
     * @param process a module of {@link LocalStack#SERVICES} or {@link #SIGN_IN_PROVIDER}
     */
    public Map<String, String> environmentFor(String process) {
        Map<String, String> environment = new LinkedHashMap<>();
        switch (process) {
            case "suggestion-intake" -> {
                copy(
                        environment,
                        SLACK_SIGNING_SECRET,
                        SLACK_BOT_TOKEN,
                        TEAMS_SECURITY_TOKEN,
                        INTAKE_IDEMPOTENCY_SECRET,
                        ANONYMITY_ACTIVE_KEY_ID,
                        ANONYMITY_KEYS,
                        METRICS_SCRAPE_TOKEN);
                environment.put(OIDC_CLIENT_SECRET, get(INTAKE_OIDC_CLIENT_SECRET));
            }
            case "suggestion-router" -> {
                copy(environment, METRICS_SCRAPE_TOKEN);
                environment.put(OIDC_CLIENT_SECRET, get(ROUTER_OIDC_CLIENT_SECRET));
            }
            case "feedback-notifier" -> {
                copy(environment, RECIPIENT_REF_KEY, ANONYMITY_ACTIVE_KEY_ID, ANONYMITY_KEYS, METRICS_SCRAPE_TOKEN);
                environment.put(OIDC_CLIENT_SECRET, get(NOTIFIER_OIDC_CLIENT_SECRET));
            }
            case SIGN_IN_PROVIDER ->
                copy(
                        environment,
                        INTAKE_OIDC_CLIENT_SECRET,
                        ROUTER_OIDC_CLIENT_SECRET,
                        NOTIFIER_OIDC_CLIENT_SECRET,
                        HR_SYNC_CLIENT_SECRET);
            default ->
                throw new IllegalArgumentException("No secrets for " + process + "; known: "
                        + List.of("suggestion-intake", "suggestion-router", "feedback-notifier", SIGN_IN_PROVIDER));
        }
        return environment;
    }

    /** Never prints a secret. */
    @Override
    public String toString() {
        return "LocalSecrets" + values.keySet();
    }

    private void copy(Map<String, String> environment, String... variables) {
        for (String variable : variables) {
            environment.put(variable, get(variable));
        }
    }

    /**
     * Plain {@code NAME=value} lines, so that {@code grep '^NAME=' | cut -d= -f2-} gives the value:
     * {@link Properties#store} would escape the {@code =} and {@code :} of base64 values and key rings. The
     * values hold no backslash or line break, so {@link Properties#load} reads them back unchanged.
     *
     * <p>They go into a new file that only its owner may read from the start (on POSIX file systems), which then
     * replaces the old one whole: no secret is readable by others for a moment, none is half written, and none is
     * written through whatever was at the path (a link to elsewhere is replaced).
     */
    private static void write(Path file, Properties properties) throws IOException {
        Path directory = Objects.requireNonNull(file.toAbsolutePath().getParent());
        Path written = directory.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(directory, FILE_NAME, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(directory, FILE_NAME, ".tmp");
        try {
            writeLines(written, properties);
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(written);
        }
    }

    /** An older local stack wrote the file as the umask had it, often readable by everyone. */
    private static void keepToOwner(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")
                && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static void writeLines(Path file, Properties properties) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("# Local-only secrets, generated by the local stack, keyed by environment variable.\n"
                    + "# Never use them elsewhere. Replace SLACK_* or TEAMS_SECURITY_TOKEN with a real app's to try\n"
                    + "# Slack or Teams; ANONYMITY_KEYS must keep every key it ever held.\n");
            for (String name : new java.util.TreeSet<>(properties.stringPropertyNames())) {
                writer.write(name + "=" + properties.getProperty(name).strip() + "\n");
            }
        }
    }

    private static boolean migrate(Properties properties) {
        boolean changed = false;
        String oldKey = properties.getProperty(OLD_ANONYMITY_KEY);
        if (oldKey != null && properties.getProperty(ANONYMITY_KEYS) == null) {
            String id = properties.getProperty(OLD_ANONYMITY_KEY_ID, "local-1").strip();
            properties.setProperty(ANONYMITY_ACTIVE_KEY_ID, id);
            properties.setProperty(ANONYMITY_KEYS, id + ":" + oldKey.strip());
        }
        String oldRef = properties.getProperty(OLD_RECIPIENT_REF_KEY);
        if (oldRef != null && properties.getProperty(RECIPIENT_REF_KEY) == null) {
            properties.setProperty(RECIPIENT_REF_KEY, oldRef.strip());
        }
        for (String old : List.of(OLD_ANONYMITY_KEY_ID, OLD_ANONYMITY_KEY, OLD_RECIPIENT_REF_KEY)) {
            changed |= properties.remove(old) != null;
        }
        return changed;
    }

    private static Map<String, Supplier<String>> generators() {
        Map<String, Supplier<String>> generators = new LinkedHashMap<>();
        generators.put(SLACK_SIGNING_SECRET, () -> HexFormat.of().formatHex(randomBytes()));
        generators.put(SLACK_BOT_TOKEN, () -> "xoxb-local-" + HexFormat.of().formatHex(randomBytes()));
        // intake decodes the Teams token as base64, as Teams shows it
        generators.put(TEAMS_SECURITY_TOKEN, LocalSecrets::base64Key);
        generators.put(INTAKE_IDEMPOTENCY_SECRET, LocalSecrets::base64Key);
        generators.put(WEBHOOK_SECRET, LocalSecrets::base64Key);
        generators.put(RECIPIENT_REF_KEY, LocalSecrets::base64Key);
        // Prometheus sends it as a bearer token: URL-safe characters only
        generators.put(METRICS_SCRAPE_TOKEN, () -> HexFormat.of().formatHex(randomBytes()));
        generators.put(ANONYMITY_ACTIVE_KEY_ID, () -> "local-1");
        generators.put(ANONYMITY_KEYS, () -> "local-1:" + base64Key());
        // client secrets travel in HTTP Basic: URL-safe characters only
        for (String client : List.of(
                INTAKE_OIDC_CLIENT_SECRET,
                ROUTER_OIDC_CLIENT_SECRET,
                NOTIFIER_OIDC_CLIENT_SECRET,
                HR_SYNC_CLIENT_SECRET)) {
            generators.put(client, () -> Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes()));
        }
        return generators;
    }

    /** Base64 of 256 random bits. */
    private static String base64Key() {
        return Base64.getEncoder().encodeToString(randomBytes());
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
