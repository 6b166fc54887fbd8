package org.suggestionbox.router.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IdeaStoreLiteralTests {

    @Test
    void aCategoryFilterMatchesExactlyThatCategoryIgnoringCaseEvenWithRegexCharactersAndNul() {
        Pattern pattern = Pattern.compile(
                "^" + IdeaStore.literal("Customer-Experience.*\u0000(x)") + "$", Pattern.CASE_INSENSITIVE);

        assertThat(IdeaStore.literal("a\u0000b")).doesNotContain("\u0000");
        assertThat(pattern.matcher("customer-experience.*\u0000(X)").matches()).isTrue();
        assertThat(pattern.matcher("customer-experienceXY\u0000(x)").matches()).isFalse();
        assertThat(pattern.matcher("customer-experience").matches()).isFalse();
    }
}
