package org.parley.service;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/**
 * Checks, before the models load, that the service's ports are free. Jetty finds out only once
 * everything else has started, and then says so in a 90-line stack trace; a newcomer with something
 * on 8080 should get one line that says which port and how to choose another.
 */
final class FreePorts {
    private FreePorts() {}

    /**
     * Throws naming the first configured port another process holds, or that both connectors name (each alone was
     * free, and Jetty's "Address already in use" came 25 s later: an operator's audit, sixty-seventh session); port 0
     * (any) is always free.
     */
    static void require(ServerFactory server) {
        if (!(server instanceof DefaultServerFactory f)) return;
        java.util.Set<Integer> application = new java.util.HashSet<>();
        for (ConnectorFactory c : f.getApplicationConnectors())
            if (c instanceof HttpConnectorFactory http && http.getPort() > 0) application.add(http.getPort());
        for (ConnectorFactory c : f.getAdminConnectors())
            if (c instanceof HttpConnectorFactory http && application.contains(http.getPort()))
                throw new IllegalStateException("PORT and ADMIN_PORT are both " + http.getPort() + ": the scoring API and the"
                        + " admin port (health, metrics, tasks) each need their own, e.g. PORT=9080 ADMIN_PORT=9081 scripts/serve");
        check(f.getApplicationConnectors(), "PORT");
        check(f.getAdminConnectors(), "ADMIN_PORT");
    }

    private static void check(List<ConnectorFactory> connectors, String variable) {
        for (ConnectorFactory c : connectors) {
            if (c instanceof HttpConnectorFactory http && http.getPort() > 0)
                require(http.getBindHost(), http.getPort(), variable);
        }
    }

    static void require(String host, int port, String variable) {
        InetSocketAddress address = host == null || host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as Jetty binds: a port left in TIME_WAIT by the last run is free
            probe.bind(address);
        } catch (BindException e) {
            // "Address already in use", or "Permission denied" for a port under 1024 without the right.
            String choose = "choose another port with " + variable + " (config.yml), e.g. PORT=9080 ADMIN_PORT=9081 scripts/serve";
            throw new IllegalStateException(String.valueOf(e.getMessage()).contains("in use")
                    ? "port " + port + " is in use by another process (" + e.getMessage() + "): stop it, or " + choose
                    : "cannot listen on port " + port + " (" + e.getMessage() + "): " + choose);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
    }
}
