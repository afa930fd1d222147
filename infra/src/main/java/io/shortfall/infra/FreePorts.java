package io.shortfall.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Free TCP ports on the loopback interface. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port that was free on 127.0.0.1 a moment ago (the usual small race applies). */
    public static int find() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /** {@code port}, or a free port when it is 0. */
    static int orFree(int port) {
        return port == 0 ? find() : port;
    }

    /**
     * Whether something accepts TCP connections on 127.0.0.1:port. A port of the ephemeral range with nothing
     * listening can still accept the probe: the kernel may give the probe that very port as its own, and the socket
     * then connects to itself (TCP simultaneous open); that is not a listener.
     */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return socket.getLocalPort() != port;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a clear message when 127.0.0.1:port is already taken. */
    public static void requireFree(int port, String what) {
        if (isListening(port)) {
            throw new IllegalStateException("Cannot start " + what + ": port " + port
                    + " on 127.0.0.1 is already in use (another suite running? `./shortfall down`)");
        }
    }
}
