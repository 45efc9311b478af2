package load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A process's CPU time per group of threads, from Linux's {@code /proc/<pid>/task/<tid>/stat} (user plus
 * system time, in clock ticks of 10 ms) and {@code comm} (the thread's name, cut to 15 characters by the
 * kernel). Threads are grouped by name with their numbers dropped ("GC Thread#1" and "GC Thread#0" are
 * one group), so the difference of two snapshots shows where a process's CPU went: rendering workers, the
 * garbage collector, the C1 and C2 JIT compilers, HTTP event loops. Threads that ended between the
 * snapshots are missing from it: run the JVM with {@link #KEEP_COMPILER_THREADS} so that the compilers'
 * are not. Empty where /proc is missing.
 */
final class ThreadCpu {

    /** A JVM option: compiler threads stay for the JVM's life instead of coming and going with the work. */
    static final String KEEP_COMPILER_THREADS = "-XX:-UseDynamicNumberOfCompilerThreads";

    private static final double SECONDS_PER_TICK = 0.01;

    private ThreadCpu() {
    }

    /** CPU seconds so far of each group of the process's live threads. */
    static Map<String, Double> snapshot(long pid) {
        Map<String, Double> groups = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // the fields after the name, which may itself hold spaces and parentheses
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    groups.merge(group(Files.readString(task.resolve("comm")).strip()), ticks * SECONDS_PER_TICK,
                            Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended while being read
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        return groups;
    }

    /** Each group's CPU seconds between two snapshots. */
    static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> spent = new HashMap<>();
        after.forEach((group, seconds) -> spent.put(group, seconds - before.getOrDefault(group, 0.0)));
        return spent;
    }

    /** The groups that spent any CPU, most first, as {@code name=seconds-per-image} (spaces in names as _). */
    static String perImage(Map<String, Double> spent, int images) {
        return spent.entrySet().stream().filter(group -> group.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(group -> String.format(Locale.ROOT, "%s=%.3f", group.getKey().replace(' ', '_'),
                        group.getValue() / images))
                .collect(Collectors.joining(" "));
    }

    private static String group(String name) {
        // the numbers that tell threads of a group apart: "GC Thread#1", "worker-12", "pool-3-thread-1"
        return name.replaceAll("(?<=[#-])\\d+", "");
    }
}
