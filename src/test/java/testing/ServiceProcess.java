package testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged service ({@code target/quarkus-app}) as a process of its own, which a test can kill -9. */
public final class ServiceProcess {

    private final Process process;
    private final int port;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the jar with the given settings (as -D options) and waits until it serves HTTP. */
    public static ServiceProcess start(Map<String, String> config, int port, Path log, String... jvmOptions) {
        try {
            Process process = launch(config, port, log, jvmOptions);
            ServiceProcess service = new ServiceProcess(process, port);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!service.listening()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("The service did not start; see " + log);
                }
                Thread.sleep(100);
            }
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts the jar and waits for it to exit on its own, as a service that refuses its configuration does.
     *
     * @return its exit code
     * @throws IllegalStateException if it is still running after {@code within} (it is then killed)
     */
    public static int exitCode(Map<String, String> config, int port, Path log, Duration within) {
        try {
            Process process = launch(config, port, log);
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("The service kept running for " + within + "; see " + log);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Process launch(Map<String, String> config, int port, Path log, String... jvmOptions)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-Dquarkus.http.port=" + port));
        command.addAll(List.of(jvmOptions));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /**
     * SIGTERM, as an orchestrator stops a service: in-flight work finishes (up to Camel's shutdown timeout)
     * and recordings such as JFR are written; SIGKILL if it is not gone within 60 s.
     */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** SIGKILL: no shutdown hook, no graceful stop. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
