package org.parley.service.errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.servlets.CrossOriginFilter;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jetty's answers while the service stops, on a server built as Dropwizard builds it: a StatisticsHandler
 * around the application (its graceful shutdown) and a stop timeout (server.shutdownGracePeriod).
 */
class JsonBadMessagesTest {
    /**
     * A twentieth-session audit: during the grace period a request on a kept-alive connection got Jetty's 503, which
     * said only "Service Unavailable", without Retry-After. Reproduced by hand with SIGTERM on scripts/serve.
     * Here no timing decides: one request is held in the handler, which keeps the server stopping, and the
     * connector's shutdown idle timeout is long, so the kept-alive connection stays open until it is used.
     */
    @Test
    void aRequestThatArrivesWhileTheServiceStopsIsAJson503WithRetryAfter() throws Exception {
        String answer = answerWhileStopping(new JsonBadMessages(List.of("GET", "POST")), "/ok", "");
        assertTrue(answer.startsWith("HTTP/1.1 503"), answer);
        assertTrue(answer.contains("\r\nRetry-After: " + JsonBadMessages.STOPPING_RETRY_AFTER_SECONDS + "\r\n"), answer);
        assertTrue(answer.contains("\r\nContent-Type: application/json"), answer);
        JsonNode body = new ObjectMapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertEquals(503, body.get("code").asInt(), answer);
        assertTrue(body.get("message").asText().startsWith("the service is stopping and did not process this request"), answer);
        assertTrue(answer.contains("\r\nX-Content-Type-Options: nosniff\r\n"), "as on every other answer: " + answer);
    }

    /** On a Perspective path, in Google's envelope, as that API's clients read every error there. */
    @Test
    void aPerspectivePathsStopping503IsInGooglesEnvelope() throws Exception {
        String answer = answerWhileStopping(new JsonBadMessages(List.of("GET", "POST")), "/v1alpha1/comments:analyze", "");
        assertTrue(answer.startsWith("HTTP/1.1 503"), answer);
        JsonNode error = new ObjectMapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4)).path("error");
        assertEquals(503, error.path("code").asInt(), answer);
        assertEquals("UNAVAILABLE", error.path("status").asText(), answer);
        assertTrue(error.path("message").asText().startsWith("the service is stopping"), answer);
    }

    /**
     * A front-end developer's audit (twenty-third session): a page's request to a stopping service (SIGTERM on
     * scripts/serve, a kept-alive connection) got this 503 without Access-Control-Allow-Origin, as no filter saw it, so
     * the page read only 'Failed to fetch', not the status or Retry-After. It carries the CORS filter's headers now,
     * on the paths that filter covers and for the origins it allows.
     */
    @Test
    void aPageCanReadThe503OfAStoppingService() throws Exception {
        String site = "https://news.example.com";
        String answer = answerWhileStopping(handlerWithCors(site), "/v1/score", "Origin: " + site + "\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 503"), answer);
        assertTrue(answer.contains("\r\nAccess-Control-Allow-Origin: " + site + "\r\n"), answer);
        assertTrue(answer.contains("\r\nAccess-Control-Expose-Headers: Retry-After\r\n"), answer);
        assertTrue(answer.contains("\r\nRetry-After: "), answer);
        String other = answerWhileStopping(handlerWithCors(site), "/v1/score", "Origin: https://evil.example\r\n");
        assertTrue(other.startsWith("HTTP/1.1 503") && !other.contains("Access-Control-Allow-Origin"), other);
        String sameOriginPath = answerWhileStopping(handlerWithCors(site), "/v1/queue", "Origin: " + site + "\r\n");
        assertTrue(sameOriginPath.startsWith("HTTP/1.1 503") && !sameOriginPath.contains("Access-Control-Allow-Origin"),
                sameOriginPath);
    }

    private static JsonBadMessages handlerWithCors(String origin) throws Exception {
        CrossOriginFilter cors = new CrossOriginFilter();
        java.util.Map<String, String> params = java.util.Map.of(CrossOriginFilter.ALLOWED_ORIGINS_PARAM, origin,
                CrossOriginFilter.EXPOSED_HEADERS_PARAM, "Retry-After");
        cors.init(new FilterConfig() {
            @Override public String getFilterName() { return "cors"; }
            @Override public ServletContext getServletContext() { return null; }
            @Override public String getInitParameter(String name) { return params.get(name); }
            @Override public java.util.Enumeration<String> getInitParameterNames() {
                return java.util.Collections.enumeration(params.keySet());
            }
        });
        return new JsonBadMessages(List.of("GET", "POST"), cors, List.of("/v1/score", "/v1/score/*"), 0);
    }

    /**
     * The answer to a GET of path, with these extra header lines, on a kept-alive connection while the server stops.
     * Here no timing decides: one request is held in the handler, which keeps the server stopping, and the
     * connector's shutdown idle timeout is long, so the kept-alive connection stays open until it is used.
     */
    private static String answerWhileStopping(JsonBadMessages errors, String path, String headers) throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setShutdownIdleTimeout(60_000);
        // A response that completes once the stop has begun closes its connection (Jetty's graceful shutdown): the
        // first answer on the kept connection must be complete on the server's side, not only read, before the stop.
        CountDownLatch firstCompleted = new CountDownLatch(1);
        connector.addBean(new HttpChannel.Listener() {
            @Override
            public void onComplete(Request request) {
                firstCompleted.countDown();
            }
        });
        server.addConnector(connector);
        StatisticsHandler stats = new StatisticsHandler();
        stats.setHandler(new AbstractHandler() {
            @Override
            public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response) {
                base.setHandled(true);
                if (target.equals("/hold")) {
                    held.countDown();
                    await(release);
                }
                response.setStatus(200);
            }
        });
        server.setHandler(stats);
        server.setStopTimeout(60_000);
        server.setErrorHandler(errors);
        server.start();
        CompletableFuture<Void> stop = null;
        try (Socket kept = new Socket("localhost", connector.getLocalPort());
             Socket holding = new Socket("localhost", connector.getLocalPort())) {
            assertTrue(exchange(kept, "/ok").startsWith("HTTP/1.1 200"));
            assertTrue(firstCompleted.await(30, TimeUnit.SECONDS));
            send(holding, "/hold");
            assertTrue(held.await(30, TimeUnit.SECONDS));
            stop = CompletableFuture.runAsync(() -> {
                try {
                    server.stop();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            while (!stats.isShutdown()) Thread.sleep(10); // the grace period has begun

            return exchange(kept, path, headers);
        } finally {
            release.countDown();
            if (stop != null) stop.get(60, TimeUnit.SECONDS);
            else server.stop();
        }
    }

    private static void send(Socket s, String path) throws Exception {
        send(s, path, "");
    }

    private static void send(Socket s, String path, String headers) throws Exception {
        s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** One request on the connection and its whole answer (headers, and the body its Content-Length gives). */
    private static String exchange(Socket s, String path) throws Exception {
        return exchange(s, path, "");
    }

    private static String exchange(Socket s, String path, String headers) throws Exception {
        send(s, path, headers);
        s.setSoTimeout(30_000);
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        StringBuilder head = new StringBuilder();
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            head.append(line).append("\r\n");
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) length = Integer.parseInt(line.substring(15).trim());
        }
        char[] body = new char[length];
        for (int n = 0; n < length; ) n += in.read(body, n, length - n);
        return head + "\r\n" + new String(body);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
