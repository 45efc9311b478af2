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
import testing.Corpus;

/**
 * The engine alone on a load run's images, the yardstick for the service's CPU per image: in a JVM of its
 * own with the service's JVM options ({@link #jvmOptions}), one thread renders the same uploads in the
 * same order with the same preset (files read beforehand), first the warm-up ones, then the measured ones,
 * and the process's CPU time over the measured ones is taken, GC and JIT included, as the service's is.
 */
public final class RenderAlone {

    private static final String RESULT = "renderer_cpu_s=";

    private RenderAlone() {
    }

    /**
     * The JVM options of both sides of the comparison, the service and the engine alone: the heap fixed, as
     * the deployment fixes it, and the compiler threads kept, so that {@link ThreadCpu} counts all of theirs.
     */
    static List<String> jvmOptions(String heap) {
        return List.of("-Xms" + heap, "-Xmx" + heap, ThreadCpu.KEEP_COMPILER_THREADS);
    }

    /** Runs {@link #main} in a child JVM and returns the CPU it used on the measured renders. */
    static Duration inChildJvm(String heap, int warmUp, int measured) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions(heap));
        command.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                RenderAlone.class.getName(), Integer.toString(warmUp), Integer.toString(measured)));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Duration cpu = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(RESULT)) {
                    cpu = Duration.ofNanos(Long.parseLong(line.substring(RESULT.length())));
                } else {
                    System.out.println(line);
                }
            }
        }
        if (child.waitFor() != 0 || cpu == null) {
            throw new IllegalStateException("The renderer-alone run failed (exit " + child.exitValue() + ")");
        }
        return cpu;
    }

    /** Arguments: the number of warm-up renders, then of measured ones; prints the CPU nanoseconds of the latter. */
    public static void main(String[] args) throws Exception {
        int warmUp = Integer.parseInt(args[0]);
        int measured = Integer.parseInt(args[1]);
        List<byte[]> inputs = new ArrayList<>();
        for (String file : LoadImages.FILES) {
            inputs.add(Corpus.read(file));
        }
        Preset preset = RenderBench.defaultPreset();
        Renderer renderer = new Renderer(Limits.defaults());
        for (int n = 0; n < warmUp; n++) {
            renderer.render(inputs.get(n % inputs.size()), preset);
        }
        long before = cpuNanos();
        long pid = ProcessHandle.current().pid();
        Map<String, Double> threads = ThreadCpu.snapshot(pid);
        for (int n = warmUp; n < warmUp + measured; n++) {
            renderer.render(inputs.get(n % inputs.size()), preset);
        }
        System.out.println(RESULT + (cpuNanos() - before));
        System.out.println("renderer_cpu_s_per_image_by_thread "
                + ThreadCpu.perImage(ThreadCpu.between(threads, ThreadCpu.snapshot(pid)), measured));
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    }
}
