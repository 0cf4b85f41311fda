package org.parley.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreePortsTest {
    @Test
    void aPortAnotherProcessHoldsIsNamedWithItsVariable() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            DefaultServerFactory server = server(0, connector("127.0.0.1", port));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> FreePorts.require(server));
            assertTrue(e.getMessage().startsWith("port " + port + " is in use by another process"), e.getMessage());
            assertTrue(e.getMessage().contains("ADMIN_PORT (config.yml)"), e.getMessage());
        }
    }

    @Test
    void aPortThatCannotBeBoundForAnotherReasonIsNotCalledInUse() {
        // 192.0.2.1 (TEST-NET-1) is no address of this machine: "Cannot assign requested address".
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FreePorts.require("192.0.2.1", 18099, "PORT"));
        assertTrue(e.getMessage().startsWith("cannot listen on port 18099 ("), e.getMessage());
        assertTrue(e.getMessage().contains("): choose another port with PORT"), e.getMessage());
    }

    @Test
    void freePortsAndPortZeroPass() throws Exception {
        int free = freePort();
        DefaultServerFactory server = server(0, connector("127.0.0.1", free));
        assertDoesNotThrow(() -> FreePorts.require(server));
        // and the probe let go of it: a second check still finds it free
        assertDoesNotThrow(() -> FreePorts.require(server));
    }

    @Test
    void oneFreePortForBothIsRefusedNamingBothVariables() throws Exception {
        int free = freePort();
        DefaultServerFactory server = server(free, connector("127.0.0.1", free));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FreePorts.require(server));
        assertTrue(e.getMessage().startsWith("PORT and ADMIN_PORT are both " + free + ": "), e.getMessage());
    }

    /** A loopback port free a moment ago. */
    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }

    private static DefaultServerFactory server(int applicationPort, HttpConnectorFactory admin) {
        DefaultServerFactory f = new DefaultServerFactory();
        f.setApplicationConnectors(List.of(connector(null, applicationPort)));
        f.setAdminConnectors(List.of(admin));
        return f;
    }

    private static HttpConnectorFactory connector(String host, int port) {
        HttpConnectorFactory c = new HttpConnectorFactory();
        c.setBindHost(host);
        c.setPort(port);
        return c;
    }
}
