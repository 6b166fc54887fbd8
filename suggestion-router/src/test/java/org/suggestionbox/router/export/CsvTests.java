package org.suggestionbox.router.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTests {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"})
    void cellsASpreadsheetWouldRunAsAFormulaAreNeutralised(String cell) {
        assertThat(Csv.neutralised(cell)).isEqualTo("'" + cell);
    }

    @Test
    void ordinaryCellsStayAsTheyAre() {
        assertThat(Csv.field("Shorter hold music")).isEqualTo("Shorter hold music");
        assertThat(Csv.field("1250.5")).isEqualTo("1250.5");
        assertThat(Csv.field("a'=b")).isEqualTo("a'=b");
        assertThat(Csv.field(null)).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    }

    @Test
    void theFileIsUtf8WithAByteOrderMarkAndCrlfRecords() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Csv csv = Csv.on(out)) {
            csv.row(Arrays.asList("id", "title"));
            csv.row(Arrays.asList("1", "רעיון, חדש"));
            csv.row(Arrays.asList("2", null));
        }

        byte[] bytes = out.toByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("\uFEFFid,title\r\n1,\"רעיון, חדש\"\r\n2,\r\n");
    }

    @Test
    void decimalsAreWrittenPlain() {
        assertThat(Csv.number(new BigDecimal("1.25E+3"))).isEqualTo("1250");
        assertThat(Csv.number(42L)).isEqualTo("42");
    }
}
