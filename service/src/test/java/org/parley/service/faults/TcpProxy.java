package org.parley.service.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay in front of a database, so a test can take the database "down" (refuse and cut every
 * connection) and bring it back on the same port without touching the real server.
 */
public final class TcpProxy implements AutoCloseable {
    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile boolean frozen;
    private final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();

    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        }
        up();
    }

    /**
     * A relay to an H2 TCP server started in this JVM, which serves the in-memory databases of this JVM: a service
     * given {@code jdbc:h2:tcp://127.0.0.1:PORT/mem:NAME} reaches, through the relay, the database a test reads
     * directly as {@code jdbc:h2:mem:NAME}, and loses it when the relay goes down.
     */
    public static TcpProxy toH2InThisJvm() {
        try {
            org.h2.tools.Server h2 = org.h2.tools.Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-ifNotExists").start();
            return new TcpProxy("127.0.0.1", h2.getPort());
        } catch (java.sql.SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    /** How many connections it has accepted and relayed (or held, frozen), since it was made. */
    public int accepted() {
        return accepted.get();
    }

    /** Accepts and relays connections again. */
    public synchronized void up() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = s;
        Thread accept = new Thread(() -> acceptLoop(s), "proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** Whether it accepts connections (not {@link #down}). */
    public boolean isUp() {
        return !server.isClosed();
    }

    /** Refuses new connections and cuts the open ones, as a crashed or unreachable server would. */
    public synchronized void down() throws IOException {
        server.close();
        for (Socket s : open) s.close();
        open.clear();
    }

    /**
     * Keeps every connection open and accepts new ones, but passes no byte on: a server that hangs
     * (stopped, or a network that drops packets) rather than one that refuses.
     */
    public void freeze() {
        frozen = true;
    }

    /** Passes bytes on again, those held included. */
    public void thaw() {
        frozen = false;
    }

    private void acceptLoop(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                if (!track(s, client)) return;
                accepted.incrementAndGet();
                Socket upstream = new Socket(targetHost, targetPort);
                if (!track(s, upstream)) return;
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                return;  // closed by down()
            }
        }
    }

    /**
     * Keeps the socket for down() to cut, unless down() came first: a connection accepted while
     * the proxy was going down must not outlive it (the test once saw a 201 through one).
     */
    private synchronized boolean track(ServerSocket s, Socket socket) {
        if (s.isClosed()) {
            closeQuietly(socket);  // its peer, if any, was tracked before and cut by down()
            return false;
        }
        open.add(socket);
        return true;
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    while (frozen) Thread.sleep(20);
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException ignored) {
                // one side went away: close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        down();
    }
}
