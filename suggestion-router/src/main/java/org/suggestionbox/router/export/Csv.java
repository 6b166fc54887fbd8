package org.suggestionbox.router.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes RFC 4180 CSV: records end with CRLF, a field with a comma, a double quote, CR or LF is
 * quoted with its quotes doubled. The file starts with a UTF-8 byte order mark, so spreadsheets read
 * Hebrew and Polish right. A cell that a spreadsheet would run as a formula — one starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a CR — gets a leading {@code '} (OWASP's
 * advice against CSV injection), so text typed by employees never becomes a formula on a leader's
 * machine. Every cell is checked; the numbers the router writes are never negative, so they stay numbers.
 */
public final class Csv implements AutoCloseable {

    private static final String BOM = "\uFEFF";
    private static final String CRLF = "\r\n";

    private final Writer out;

    private Csv(Writer out) {
        this.out = out;
    }

    /** A CSV on {@code stream}, its byte order mark written. */
    public static Csv on(OutputStream stream) throws IOException {
        Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        writer.write(BOM);
        return new Csv(writer);
    }

    /** Writes one record of text cells (null as empty). */
    public void row(List<@Nullable String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(cells.get(i)));
        }
        out.write(CRLF);
    }

    /** A number as a cell, decimals in plain notation ({@code 1250.5}, never {@code 1.2505E+3}). */
    public static String number(Number value) {
        return value instanceof java.math.BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    /** The cell as written to the file: neutralised when it looks like a formula, quoted when needed. */
    static String field(@Nullable String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        String text = neutralised(cell);
        boolean quote =
                text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** {@code cell} with a leading {@code '} when a spreadsheet would take it as a formula. */
    static String neutralised(String cell) {
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
