package org.parley.service.errors;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Set;

/**
 * PUT and PATCH where a plain servlet answers (the admin port, the moderator page's files): the server passes them on for
 * Jersey's 405 with the path's {@code Allow} (ParleyApplication.passedOn), but a servlet answers PATCH with a 501 ("not
 * defined in RFC 2068"; a penetration test, sixty-seventh session). Here they are the server's 405, in JSON
 * ({@link JsonBadMessages}), as before they were passed on.
 */
public final class UnusedMethods implements Filter {
    private static final Set<String> REFUSED = Set.of("PUT", "PATCH");

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (REFUSED.contains(((HttpServletRequest) req).getMethod())) ((HttpServletResponse) res).sendError(405);
        else chain.doFilter(req, res);
    }
}
