package org.suggestionbox.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageRequestTests {

    @Test
    void withoutParametersAPageHoldsFifty() {
        PageRequest page = PageRequest.of(null, null);

        assertThat(page.limit()).isEqualTo(50);
        assertThat(page.readLimit()).isEqualTo(51);
        assertThat(page.decodedCursor(2)).isNull();
    }

    @Test
    void aLimitOutsideOneToTwoHundredOrNotANumberIsRefused() {
        assertThat(PageRequest.of("200", null).limit()).isEqualTo(200);
        assertThat(PageRequest.of("1", "").cursor()).isNull();
        for (String limit : List.of("0", "201", "-1", "abc", "", "1.5", "99999999999")) {
            assertThatThrownBy(() -> PageRequest.of(limit, null))
                    .as(limit)
                    .isInstanceOf(InvalidPageRequestException.class);
        }
    }

    @Test
    void aCursorComesBackAsItWasHandedOutAndATamperedOneIsRefused() {
        String handedOut = Cursor.of("2026-12-02T05:00:00Z", "id-1").encode();

        assertThat(PageRequest.of("10", handedOut).decodedCursor(2).parts())
                .containsExactly("2026-12-02T05:00:00Z", "id-1");
        for (String tampered : List.of(
                "%%%",
                "not base64!",
                handedOut.substring(1),
                "x".repeat(2000),
                Cursor.of("only one").encode())) {
            assertThatThrownBy(() -> PageRequest.of(null, tampered).decodedCursor(2))
                    .as(tampered)
                    .isInstanceOf(InvalidPageRequestException.class);
        }
    }

    @Test
    void onlyARowBeyondTheLimitMakesANextCursor() {
        PageRequest two = PageRequest.of("2", null);

        CursorPage<String> last = CursorPage.of(List.of("a", "b"), two, Cursor::of);
        CursorPage<String> more = CursorPage.of(List.of("a", "b", "c"), two, Cursor::of);

        assertThat(last.items()).containsExactly("a", "b");
        assertThat(last.nextCursor()).isNull();
        assertThat(more.items()).containsExactly("a", "b");
        assertThat(Cursor.decode(more.nextCursor(), 1).part(0)).isEqualTo("b");
    }
}
