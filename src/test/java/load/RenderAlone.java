package load;

import bench.RenderBench;
import imaging.Limits;
import imaging.Preset;
import imaging.Renderer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import testing.Corpus;

/**
 * The engine alone on a load run's images, the yardstick for the service's CPU per image: in a JVM of its
 * own with the service's JVM options ({@link #jvmOptions}) and the service's limits for its consumers, the
 * same uploads are rendered in the same order with the same preset (files read beforehand): first up to
 * {@link #WARM_UP} warm-up ones on one thread, then the measured ones twice, on one thread and on as many
 * threads as the service has consumers ({@code app.pipeline.consumers}), sharing one renderer as the consumers do.
 * Each time the process's CPU time over the measured renders is taken, GC and JIT included, as the
 * service's is.
 */
public final class RenderAlone {

    /**
     * The most warm-up renders the engine alone needs: after 420 its JIT compilers spend 0.002 CPU-s per
     * image (by thread group), where the service's still spend ten times that.
     */
    static final int WARM_UP = 420;
    private static final String ONE_THREAD = "renderer_cpu_s_one_thread=";
    private static final String CONSUMERS = "renderer_cpu_s_consumers=";

    private RenderAlone() {
    }

    /**
     * The CPU the engine alone took on the measured renders.
     *
     * @param oneThread   rendering one image at a time
     * @param asConsumers rendering {@code consumers} images at a time, as the service's consumers do
     */
    record Yardstick(Duration oneThread, Duration asConsumers, int consumers) {
    }

    /**
     * The JVM options of both sides of the comparison, the service and the engine alone: the heap fixed, as
     * the deployment fixes it, and the compiler threads kept, so that {@link ThreadCpu} counts all of theirs.
     */
    static List<String> jvmOptions(String heap) {
        return List.of("-Xms" + heap, "-Xmx" + heap, ThreadCpu.KEEP_COMPILER_THREADS);
    }

    /**
     * Runs {@link #main} in a child JVM and returns the CPU it used on the measured renders.
     *
     * @param consumersFirst whether the measure at the consumers' concurrency comes before the one-thread one
     */
    static Yardstick inChildJvm(String heap, int warmUp, int measured, boolean consumersFirst)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions(heap));
        command.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                RenderAlone.class.getName(), Integer.toString(warmUp), Integer.toString(measured),
                Boolean.toString(consumersFirst)));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Duration oneThread = null;
        Duration asConsumers = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(ONE_THREAD)) {
                    oneThread = Duration.ofNanos(Long.parseLong(line.substring(ONE_THREAD.length())));
                } else if (line.startsWith(CONSUMERS)) {
                    asConsumers = Duration.ofNanos(Long.parseLong(line.substring(CONSUMERS.length())));
                } else {
                    System.out.println(line);
                }
            }
        }
        if (child.waitFor() != 0 || oneThread == null || asConsumers == null) {
            throw new IllegalStateException("The renderer-alone run failed (exit " + child.exitValue() + ")");
        }
        return new Yardstick(oneThread, asConsumers, consumers());
    }

    /** The service's consumers, as application.properties ships them. */
    static int consumers() throws IOException {
        return Integer.parseInt(RenderBench.shippedProperties().getProperty("app.pipeline.consumers"));
    }

    /**
     * Arguments: the service's warm-up uploads (the measured ones follow them; up to {@link #WARM_UP} of
     * them are rendered first), the measured ones, and whether to measure as the consumers first; prints
     * the CPU nanoseconds of the measured renders on one thread and as the consumers.
     */
    public static void main(String[] args) throws Exception {
        int warmUp = Integer.parseInt(args[0]);
        int measured = Integer.parseInt(args[1]);
        int consumers = consumers();
        List<byte[]> inputs = new ArrayList<>();
        for (String file : LoadImages.FILES) {
            inputs.add(Corpus.read(file));
        }
        Preset preset = RenderBench.defaultPreset();
        // the heap budget for pixels as the service's Engine sizes it for its consumers
        Renderer renderer = new Renderer(new Limits(Limits.DEFAULT_MAX_BYTES, Limits.DEFAULT_MAX_PIXELS,
                Limits.decodeBytesFor(Runtime.getRuntime().maxMemory(), consumers, Limits.DEFAULT_MAX_BYTES),
                Limits.DEFAULT_RENDER_TIME_LIMIT, Limits.DEFAULT_MAX_JPEG_SCANS));
        for (int n = 0; n < Math.min(warmUp, WARM_UP); n++) {
            renderer.render(inputs.get(n % inputs.size()), preset);
        }
        boolean consumersFirst = Boolean.parseBoolean(args[2]);
        if (consumersFirst) {
            measure(CONSUMERS, "consumers", consumers, renderer, preset, inputs, warmUp, measured);
        }
        measure(ONE_THREAD, "one_thread", 1, renderer, preset, inputs, warmUp, measured);
        if (!consumersFirst) {
            measure(CONSUMERS, "consumers", consumers, renderer, preset, inputs, warmUp, measured);
        }
    }

    private static void measure(String result, String name, int threads, Renderer renderer, Preset preset,
            List<byte[]> inputs, int first, int count) throws Exception {
        long pid = ProcessHandle.current().pid();
        Map<String, Double> before = ThreadCpu.snapshot(pid);
        long cpu = cpuNanos();
        AtomicInteger next = new AtomicInteger(first);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int n = next.getAndIncrement(); n < first + count; n = next.getAndIncrement()) {
                    renderer.render(inputs.get(n % inputs.size()), preset);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        long spent = cpuNanos() - cpu;
        // taken while the pool's threads are alive, so that theirs count
        Map<String, Double> after = ThreadCpu.snapshot(pid);
        pool.shutdown();
        // gone before the next measure's first snapshot, whose threads' group has the same name
        pool.awaitTermination(1, TimeUnit.MINUTES);
        System.out.println(result + spent);
        System.out.println("renderer_cpu_s_per_image_by_thread_" + name + " "
                + ThreadCpu.perImage(ThreadCpu.between(before, after), count));
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    }
}
