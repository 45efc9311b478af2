package load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * A loopback TCP relay in front of one local server that counts the HTTP/1.1 requests passing through, by
 * operation. Bytes pass unchanged both ways (so signatures, which cover the Host header, still verify);
 * only the client's request heads are read, to name each request and find where its body ends. Connections
 * map one to one onto the server's, so the client's connection reuse is what the server sees.
 */
final class CountingProxy implements AutoCloseable {

    private static final int MAX_HEAD_BYTES = 64 * 1024;

    /** A request's line and headers (names in lower case). */
    record RequestHead(String method, String target, Map<String, String> headers) {

        String header(String name) {
            return headers.get(name);
        }
    }

    private final ServerSocket listener;
    private final int targetPort;
    private final Function<RequestHead, String> operation;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "counting-proxy");
        thread.setDaemon(true);
        return thread;
    });

    private CountingProxy(ServerSocket listener, int targetPort, Function<RequestHead, String> operation) {
        this.listener = listener;
        this.targetPort = targetPort;
        this.operation = operation;
    }

    /** Listens on a free loopback port and relays to {@code targetPort}, naming requests with {@code operation}. */
    static CountingProxy start(int targetPort, Function<RequestHead, String> operation) throws IOException {
        CountingProxy proxy = new CountingProxy(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()), targetPort,
                operation);
        proxy.threads.submit(proxy::accept);
        return proxy;
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Requests counted since the start or the last reset, by operation. */
    Map<String, Long> counts() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((name, count) -> snapshot.put(name, count.sum()));
        return snapshot;
    }

    void reset() {
        counts.clear();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        threads.shutdownNow();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                threads.submit(() -> pump(server, client));
                threads.submit(() -> relayRequests(client, server));
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    System.err.println("counting proxy: " + e);
                }
            }
        }
    }

    /** The server's answers go back as they come. */
    private static void pump(Socket from, Socket to) {
        try (from; to) {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // either side closed: the connection is over
        }
    }

    /** Request by request: the head is read and counted, then head and body are passed on. */
    private void relayRequests(Socket client, Socket server) {
        try (client; server) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = server.getOutputStream();
            byte[] head;
            while ((head = readHead(in)) != null) {
                RequestHead request = parse(head);
                counts.computeIfAbsent(operation.apply(request), k -> new LongAdder()).increment();
                out.write(head);
                if ("chunked".equalsIgnoreCase(request.header("transfer-encoding"))) {
                    copyChunked(in, out);
                } else if (request.header("content-length") != null) {
                    copy(in, out, Long.parseLong(request.header("content-length").trim()));
                }
                out.flush();
            }
        } catch (IOException e) {
            // either side closed: the connection is over
        }
    }

    /** The bytes up to and including the blank line ending a request head; null at the end of the stream. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(1024);
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toByteArray();
            }
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("request head over " + MAX_HEAD_BYTES + " bytes");
            }
        }
        return null;
    }

    private static RequestHead parse(byte[] head) {
        String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        return new RequestHead(requestLine[0], requestLine.length > 1 ? requestLine[1] : "", headers);
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("the body ended early");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    /** A chunked body: each size line and its chunk, then the last chunk's trailer up to its blank line. */
    private static void copyChunked(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String sizeLine = copyLine(in, out);
            int extension = sizeLine.indexOf(';');
            long size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            if (size == 0) {
                while (!copyLine(in, out).isEmpty()) {
                    // trailer fields
                }
                return;
            }
            copy(in, out, size + 2);
        }
    }

    /** Passes one CRLF-ended line on and returns it without its CRLF. */
    private static String copyLine(InputStream in, OutputStream out) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(32);
        int b;
        while ((b = in.read()) >= 0) {
            out.write(b);
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        throw new IOException("the body ended early");
    }
}
