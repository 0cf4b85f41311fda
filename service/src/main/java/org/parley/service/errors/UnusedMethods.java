package org.parley.service.errors;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.servlet.ServletHolder;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The methods where a plain servlet answers (the admin port, the moderator page's files). PUT and PATCH: the server
 * passes them on for Jersey's 405 with the path's {@code Allow} (ParleyApplication.passedOn), but a servlet answers PATCH
 * with a 501 ("not defined in RFC 2068"; a penetration test, sixty-seventh session), so here they are the server's 405,
 * in JSON ({@link JsonBadMessages}). Every such 405 names the servlet's methods in {@code Allow}, as RFC 9110 asks and
 * Jersey's do, and an OPTIONS answer leaves out TRACE, which the server refuses (both had been left by the sixty-seventh
 * session's audit; mended in the sixty-ninth), and a task's GET and HEAD, which its servlet declares and refuses (the
 * seventieth).
 */
public final class UnusedMethods implements Filter {
    private static final Set<String> REFUSED = Set.of("PUT", "PATCH");

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = new Allowing((HttpServletResponse) res, request);
        if (REFUSED.contains(request.getMethod())) response.sendError(405);
        else chain.doFilter(req, response);
    }

    /** The servlet's own {@code Allow}, less what is refused, on its answers, and on each 405 it or this filter sends. */
    private static final class Allowing extends HttpServletResponseWrapper {
        private final HttpServletRequest request;

        Allowing(HttpServletResponse response, HttpServletRequest request) {
            super(response);
            this.request = request;
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, "Allow".equalsIgnoreCase(name) ? without(value, refused(servlet(request), request)) : value);
        }

        /** A servlet may set the 405 itself (Dropwizard's task servlet for a GET): Allow with it too. */
        @Override
        public void setStatus(int status) {
            try {
                allow(status);
            } catch (IOException e) {
                // the 405 goes without Allow, as before
            }
            super.setStatus(status);
        }

        @Override
        public void sendError(int status) throws IOException {
            allow(status);
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            allow(status);
            super.sendError(status, message);
        }

        private void allow(int status) throws IOException {
            if (status != HttpServletResponse.SC_METHOD_NOT_ALLOWED || containsHeader("Allow")) return;
            String allowed = allowed(request);
            // Less the method it refused (a task servlet declares GET, and answers it with a 405: an audit of this
            // session's mends); GET and HEAD together, as HttpServlet answers HEAD with doGet.
            String refused = request.getMethod();
            if (allowed != null) setHeader("Allow", without(allowed, refused.equals("GET") || refused.equals("HEAD")
                    ? Set.of("GET", "HEAD") : Set.of(refused)));
        }
    }

    /**
     * The methods a servlet's OPTIONS names and the server or the servlet refuses: TRACE (the server); a task's GET and
     * HEAD (Dropwizard's task servlet defines doGet and answers a task's with a 405), and the task list's POST (a 404:
     * {@code GET /tasks} lists them).
     */
    private static Set<String> refused(Servlet servlet, HttpServletRequest request) {
        if (!(servlet instanceof io.dropwizard.servlets.tasks.TaskServlet)) return Set.of("TRACE");
        String task = request.getPathInfo();
        return task == null || task.equals("/") ? Set.of("TRACE", "POST") : Set.of("TRACE", "GET", "HEAD");
    }

    /** The servlet behind the request, or null. */
    private static Servlet servlet(HttpServletRequest request) {
        Request base = Request.getBaseRequest(request);
        if (base == null || !(base.getUserIdentityScope() instanceof ServletHolder holder)) return null;
        try {
            return holder.getServlet();
        } catch (ServletException e) {
            return null;
        }
    }

    /** What the servlet behind the request answers to OPTIONS (HttpServlet's: from the methods it defines); null if none. */
    private static String allowed(HttpServletRequest request) throws IOException {
        Request base = Request.getBaseRequest(request);
        Servlet servlet = servlet(request);
        if (servlet == null) return null;
        try {
            HttpServletRequest options = new HttpServletRequestWrapper(request) {
                @Override
                public String getMethod() {
                    return "OPTIONS";
                }
            };
            HeaderOnly answer = new HeaderOnly((HttpServletResponse) base.getResponse());
            servlet.service(options, answer);
            return answer.allow;
        } catch (ServletException | RuntimeException e) {
            return null;  // the 405 goes without it, as before
        }
    }

    /** The comma list {@code allow} without {@code methods} (in any case) and blanks. */
    private static String without(String allow, Set<String> methods) {
        return allow == null ? null : Arrays.stream(allow.split(",")).map(String::strip)
                .filter(m -> !m.isEmpty() && !methods.contains(m.toUpperCase(java.util.Locale.ROOT))).collect(Collectors.joining(", "));
    }

    /** Keeps the {@code Allow} an OPTIONS answer sets, and lets nothing reach the real response. */
    private static final class HeaderOnly extends HttpServletResponseWrapper {
        private String allow;

        HeaderOnly(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if ("Allow".equalsIgnoreCase(name)) allow = value;
        }

        @Override
        public void addHeader(String name, String value) {
            setHeader(name, value);
        }

        @Override
        public void setStatus(int status) {
        }

        @Override
        public void sendError(int status) {
        }

        @Override
        public void sendError(int status, String message) {
        }

        @Override
        public jakarta.servlet.ServletOutputStream getOutputStream() throws IOException {
            throw new IOException("an OPTIONS answer has no body");
        }

        @Override
        public java.io.PrintWriter getWriter() throws IOException {
            throw new IOException("an OPTIONS answer has no body");
        }
    }
}
