package local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import org.jboss.logging.Logger;

/**
 * S3Proxy and ElasticMQ as child JVMs, and dynalite (DynamoDB) and cognito-local (Cognito user pools) as
 * child Node processes, on loopback, for dev and test only. Each keeps its data under one directory, so a
 * restart (even after kill -9) finds buckets, queues, messages, tables and users as they were. The JVM servers' classpaths come from
 * {@code local-aws/} (see the pom), the Node packages from {@code local-aws/node/} (pinned by its lock
 * file); none of them is ever on the application's own classpath.
 */
public final class LocalAwsServers implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalAwsServers.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    /**
     * Loopback ports and the credentials S3Proxy checks (the others accept any).
     *
     * @param classpathDir where the build wrote the JVM servers' classpaths
     * @param nodeDir      {@code local-aws/node}, with its {@code node_modules} installed by the build
     */
    public record Settings(Path classpathDir, Path nodeDir, Path dataDir, int s3Port, int sqsPort, int dynamoPort,
            int cognitoPort, String accessKey, String secretKey) {
    }

    /** The servers, and how each is launched. */
    public enum Server {
        S3(Settings::s3Port), SQS(Settings::sqsPort), DYNAMODB(Settings::dynamoPort), COGNITO(Settings::cognitoPort);

        private final ToIntFunction<Settings> port;

        Server(ToIntFunction<Settings> port) {
            this.port = port;
        }

        int port(Settings settings) {
            return port.applyAsInt(settings);
        }

        Process launch(Settings settings) throws IOException {
            return switch (this) {
                case S3 -> s3proxy(settings);
                case SQS -> elasticmq(settings);
                case DYNAMODB -> dynamodb(settings);
                case COGNITO -> cognito(settings);
            };
        }
    }

    private final Settings settings;
    private final Map<Server, Process> processes = new EnumMap<>(Server.class);

    private LocalAwsServers(Settings settings) {
        this.settings = settings;
    }

    /**
     * Starts whichever of the servers is not already answering on its port (a server left by an earlier
     * run of the same dev session is reused), and waits until all of them answer.
     */
    public static LocalAwsServers start(Settings settings) {
        LocalAwsServers servers = new LocalAwsServers(settings);
        try {
            Files.createDirectories(settings.dataDir());
            for (Server server : Server.values()) {
                if (listening(server.port(settings))) {
                    LOG.infof("Port %d already answers: reusing the local server there", server.port(settings));
                } else {
                    servers.processes.put(server, server.launch(settings));
                }
            }
            for (Server server : Server.values()) {
                servers.awaitPort(server);
            }
            return servers;
        } catch (IOException e) {
            servers.close();
            throw new UncheckedIOException("Could not start the local AWS servers", e);
        } catch (RuntimeException e) {
            servers.close();
            throw e;
        }
    }

    /** Stops the servers this instance started; their data stays on disk. */
    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        processes.clear();
    }

    /** Kills one server at once, as a crash or an outage would (for tests); its data stays on disk. */
    public void kill(Server server) {
        Process process = processes.remove(server);
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts a killed server again on its port, with its data, and waits until it answers. */
    public void restart(Server server) {
        try {
            processes.put(server, server.launch(settings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitPort(server);
    }

    private static Process s3proxy(Settings s) throws IOException {
        Path dir = Files.createDirectories(s.dataDir().resolve("s3"));
        Path properties = s.dataDir().resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + s.s3Port(),
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + s.accessKey(),
                "s3proxy.credential=" + s.secretKey(),
                "s3proxy.cors-allow-all=true",
                "jclouds.provider=filesystem-nio2",
                "jclouds.filesystem.basedir=" + dir.toAbsolutePath(),
                ""), StandardCharsets.UTF_8);
        return java(s, "s3proxy", "org.gaul.s3proxy.Main", List.of(), List.of("--properties", properties.toString()));
    }

    private static Process elasticmq(Settings s) throws IOException {
        Path conf = s.dataDir().resolve("elasticmq.conf");
        // WRITE_DELAY=0: without it a kill -9 within a second of a send lost messages.
        Files.writeString(conf, """
                include classpath("application.conf")
                node-address { protocol = "http", host = "127.0.0.1", port = %d, context-path = "" }
                rest-sqs { enabled = true, bind-port = %d, bind-hostname = "127.0.0.1", sqs-limits = strict }
                rest-stats { enabled = false }
                messages-storage { enabled = true, uri = "jdbc:h2:%s;WRITE_DELAY=0" }
                """.formatted(s.sqsPort(), s.sqsPort(), s.dataDir().resolve("sqs/elasticmq-h2").toAbsolutePath()),
                StandardCharsets.UTF_8);
        return java(s, "elasticmq", "org.elasticmq.server.Main", List.of("-Dconfig.file=" + conf), List.of());
    }

    private static Process dynamodb(Settings s) throws IOException {
        Path dir = Files.createDirectories(s.dataDir().resolve("dynamodb"));
        // Tables become ACTIVE at once; LevelDB on disk keeps them across restarts.
        return node(s, "dynalite", "dynalite/cli.js", List.of("--host", "127.0.0.1", "--port",
                Integer.toString(s.dynamoPort()), "--path", dir.toAbsolutePath().toString(), "--createTableMs", "0",
                "--deleteTableMs", "0", "--updateTableMs", "0"));
    }

    private static Process cognito(Settings s) throws IOException {
        // cognito-local keeps its config and user pools in .cognito/ under its working directory; its issuer
        // is http://HOST:PORT/<userPoolId>, and it prints the codes it "sends" (see LocalConfirmationCodes).
        Path dir = Files.createDirectories(s.dataDir().resolve("cognito"));
        return node(s, "cognito-local", "cognito-local/lib/bin/start.js", List.of(), dir,
                Map.of("HOST", "127.0.0.1", "PORT", Integer.toString(s.cognitoPort()),
                        // cognito-local is built on the AWS SDK for JavaScript v2, which prints a notice at each start.
                        "AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE", "1"));
    }

    /** Where cognito-local keeps the user pool {@code userPoolId}: its users, their attributes and codes. */
    public static Path cognitoPoolFile(Path dataDir, String userPoolId) {
        return dataDir.resolve("cognito").resolve(".cognito").resolve("db").resolve(userPoolId + ".json");
    }

    private static Process node(Settings s, String name, String script, List<String> args) throws IOException {
        return node(s, name, script, args, null, Map.of());
    }

    private static Process node(Settings s, String name, String script, List<String> args, Path workingDir,
            Map<String, String> environment) throws IOException {
        Path entry = s.nodeDir().resolve("node_modules").resolve(script);
        if (!Files.exists(entry)) {
            throw new IllegalStateException(entry + " is missing: build once with ./mvnw (it runs npm ci in "
                    + s.nodeDir() + ")");
        }
        List<String> command = new ArrayList<>(List.of("node", entry.toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (workingDir != null) {
            builder.directory(workingDir.toFile());
        }
        builder.environment().putAll(environment);
        return launch(s, name, builder);
    }

    private static Process java(Settings s, String name, String mainClass, List<String> jvmArgs, List<String> args)
            throws IOException {
        Path classpathFile = s.classpathDir().resolve(name + ".classpath");
        if (!Files.exists(classpathFile)) {
            throw new IllegalStateException(classpathFile + " is missing: build once with ./mvnw (it is written at"
                    + " generate-resources from local-aws/" + name + "/pom.xml)");
        }
        Path logback = s.dataDir().resolve("logback.xml");
        if (!Files.exists(logback)) {
            Files.writeString(logback, """
                    <configuration>
                      <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder>
                      </appender>
                      <root level="WARN"><appender-ref ref="OUT"/></root>
                    </configuration>
                    """, StandardCharsets.UTF_8);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-Dlogback.configurationFile=" + logback.toAbsolutePath());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(Files.readString(classpathFile).trim());
        command.add(mainClass);
        command.addAll(args);
        return launch(s, name, new ProcessBuilder(command));
    }

    private static Process launch(Settings s, String name, ProcessBuilder builder) throws IOException {
        Path log = s.dataDir().resolve(name + ".log");
        LOG.infof("Starting local %s (log: %s)", name, log);
        return builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private void awaitPort(Server server) {
        int port = server.port(settings);
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!listening(port)) {
            Process process = processes.get(server);
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("The local " + server + " server exited during start-up; see its log in "
                        + settings.dataDir());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("No local AWS server answered on port " + port + " within "
                        + START_TIMEOUT.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for port " + port, e);
            }
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
