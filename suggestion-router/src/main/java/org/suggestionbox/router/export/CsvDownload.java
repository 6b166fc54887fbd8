package org.suggestionbox.router.export;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.directory.Role;

/** What every CSV export does before it writes: only leaders, and a UTF-8 CSV attachment. */
public final class CsvDownload {

    private CsvDownload() {}

    /** Refuses with 403 (answered as problem details) unless {@code person} is a leader. */
    public static void requireLeader(Person person) {
        if (!person.hasRole(Role.LEADER)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Exports are for leaders.");
        }
    }

    /** Makes {@code response} a UTF-8 CSV download named {@code filename}. */
    public static void attachment(HttpServletResponse response, String filename) {
        response.setContentType("text/csv; charset=UTF-8; header=present");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString());
    }
}
