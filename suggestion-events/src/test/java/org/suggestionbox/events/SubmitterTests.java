package org.suggestionbox.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class SubmitterTests {

    private static final SealedIdentity SEALED = new SealedIdentity("k-2026-01", "bm9uY2UrY2lwaGVydGV4dA==");

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aPersonIsNotAnonymous() {
        Submitter submitter = Submitter.person("dana.levi");
        assertThat(submitter.personId()).isEqualTo("dana.levi");
        assertThat(submitter.sealedIdentity()).isNull();
        assertThat(submitter.isAnonymous()).isFalse();
    }

    @Test
    void aSealedIdentityIsAnonymous() {
        Submitter submitter = Submitter.anonymous(SEALED);
        assertThat(submitter.personId()).isNull();
        assertThat(submitter.sealedIdentity()).isEqualTo(SEALED);
        assertThat(submitter.isAnonymous()).isTrue();
    }

    @Test
    void bothOrNeitherIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Submitter("dana.levi", SEALED));
        assertThatIllegalArgumentException().isThrownBy(() -> new Submitter(null, null));
    }

    @Test
    void onlyThePresentHalfIsWritten() {
        assertThat(json.writeValueAsString(Submitter.person("dana.levi"))).isEqualTo("{\"personId\":\"dana.levi\"}");
        assertThat(json.writeValueAsString(Submitter.anonymous(SEALED)))
                .isEqualTo(
                        "{\"sealedIdentity\":{\"keyId\":\"k-2026-01\",\"ciphertext\":\"bm9uY2UrY2lwaGVydGV4dA==\"}}");
    }

    @Test
    void invalidJsonIsRejectedOnRead() {
        assertThatThrownBy(() -> json.readValue("{}", Submitter.class))
                .isInstanceOf(DatabindException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> json.readValue(
                        "{\"personId\":\"dana.levi\",\"sealedIdentity\":" + "{\"keyId\":\"k\",\"ciphertext\":\"c\"}}",
                        Submitter.class))
                .isInstanceOf(DatabindException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}
