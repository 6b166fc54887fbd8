package org.suggestionbox.router.admin;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.suggestionbox.platform.web.RequestSizeLimitFilter;

/**
 * An HR export is larger than anything else a service takes: the platform's 64 KB
 * ({@code suggestionbox.web.max-request-size}) holds about 700 rows like the README's example (91 bytes), so an
 * upload to {@code /api/admin/directory} may be up to {@link #MAX_UPLOAD} (about 90,000 such rows). Larger uploads
 * are refused with {@code 413} before they are read; a company that size points
 * {@code SUGGESTIONBOX_DIRECTORY_LOCATION} at the file and reloads it instead.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryUploadLimit {

    static final DataSize MAX_UPLOAD = DataSize.ofMegabytes(8);

    @Bean
    RequestSizeLimitFilter.PathLimit directoryUploadRequestSize() {
        return new RequestSizeLimitFilter.PathLimit(List.of("/api/admin/directory"), MAX_UPLOAD);
    }
}
