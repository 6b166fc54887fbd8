package org.suggestionbox.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalsTests {

    @Test
    void nothingSetMeansEverythingRunsLocally() {
        assertThat(Externals.from(Map.of())).isEqualTo(Externals.NONE);
    }

    @Test
    void readsExternalInfrastructureFromTheEnvironment() {
        Externals externals = Externals.from(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS",
                "broker:9092",
                "MONGODB_URI",
                "mongodb://db:27017",
                "SMTP_HOST",
                "mail",
                "SMTP_PORT",
                "1025"));

        assertThat(externals).isEqualTo(new Externals("broker:9092", "mongodb://db:27017", "mail", 1025));
    }

    @Test
    void blankValuesCountAsNotSet() {
        assertThat(Externals.from(Map.of("KAFKA_BOOTSTRAP_SERVERS", " ", "MONGODB_URI", "", "SMTP_HOST", "\t")))
                .isEqualTo(Externals.NONE);
    }

    @Test
    void smtpPortDefaultsTo25() {
        assertThat(Externals.from(Map.of("SMTP_HOST", "mail")).smtpPort()).isEqualTo(25);
    }

    @Test
    void rejectsASmtpPortThatIsNoNumber() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Externals.from(Map.of("SMTP_PORT", "smtp")))
                .withMessageContaining("SMTP_PORT");
    }
}
