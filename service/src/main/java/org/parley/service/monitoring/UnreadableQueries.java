package org.parley.service.monitoring;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.server.Request;
import org.parley.service.errors.PercentEncoding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A query whose percent-escapes are not UTF-8 is read by the servlet container as Latin-1, which reads any byte. Jetty
 * refuses to read such a query's parameters, each time asked, and the request log asks for them: logback-access caught
 * the refusal and printed its 34-line trace on standard error, outside the log's format, for every such request, any
 * path, no key needed (a stance integrator's third review, sixty-fourth session). Jersey reads the query itself (bytes
 * that are not UTF-8 as U+FFFD; {@code ?target=} refuses them), and no servlet of the API reads its parameters.
 */
public final class UnreadableQueries implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        String query = ((HttpServletRequest) req).getQueryString();
        Request jetty = Request.getBaseRequest(req);
        if (query != null && jetty != null && !PercentEncoding.utf8(query)) jetty.setQueryEncoding(StandardCharsets.ISO_8859_1.name());
        chain.doFilter(req, res);
    }
}
