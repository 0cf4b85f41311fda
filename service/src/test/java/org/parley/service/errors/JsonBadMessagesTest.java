package org.parley.service.errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.server.handler.StatisticsHandler;
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
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setShutdownIdleTimeout(60_000);
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
        server.setErrorHandler(new JsonBadMessages(List.of("GET", "POST")));
        server.start();
        CompletableFuture<Void> stop = null;
        try (Socket kept = new Socket("localhost", connector.getLocalPort());
             Socket holding = new Socket("localhost", connector.getLocalPort())) {
            assertTrue(exchange(kept, "/ok").startsWith("HTTP/1.1 200"));
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

            String answer = exchange(kept, "/ok");
            assertTrue(answer.startsWith("HTTP/1.1 503"), answer);
            assertTrue(answer.contains("\r\nRetry-After: " + JsonBadMessages.STOPPING_RETRY_AFTER_SECONDS + "\r\n"), answer);
            assertTrue(answer.contains("\r\nContent-Type: application/json"), answer);
            JsonNode body = new ObjectMapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertEquals(503, body.get("code").asInt(), answer);
            assertTrue(body.get("message").asText().startsWith("the service is stopping and did not process this request"), answer);
        } finally {
            release.countDown();
            if (stop != null) stop.get(60, TimeUnit.SECONDS);
            else server.stop();
        }
    }

    private static void send(Socket s, String path) throws Exception {
        s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** One request on the connection and its whole answer (headers, and the body its Content-Length gives). */
    private static String exchange(Socket s, String path) throws Exception {
        send(s, path);
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
