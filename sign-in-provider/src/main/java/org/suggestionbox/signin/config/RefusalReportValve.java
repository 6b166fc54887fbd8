package org.suggestionbox.signin.config;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;

/**
 * Tomcat's short page, without its version, for a request it refuses before the provider sees it (an encoded NUL
 * in the path, a request line over 8 KB), with the headers of every response ({@link ResponseHeaders}), which no
 * filter wrote. Installed as the host's error report valve, so Tomcat finds it in place of its own.
 */
public final class RefusalReportValve extends ErrorReportValve {

    public RefusalReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, @Nullable Throwable throwable) {
        if (response.isError() && response.getContentWritten() == 0) {
            ResponseHeaders.writeTo(request, response, ResponseHeaders.INLINE_STYLE_ONLY);
        }
        super.report(request, response, throwable);
    }
}
