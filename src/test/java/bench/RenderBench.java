package bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import imaging.Encoder;
import imaging.Limits;
import imaging.Placeholder;
import imaging.Preset;
import imaging.RenderedVariant;
import imaging.Renderer;
import imaging.Rendition;
import imaging.VariantSpec;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import testing.Corpus;

/**
 * The benchmark behind {@code bench/run}: the {@code default} preset of application.properties rendered
 * for every JPEG under the corpus' photos and orientation folders, at 1 and 2 threads, and in the same
 * run the same outputs by sharp (bench/sharp/render.mjs) with the same encoder settings, in alternating
 * rounds; then both sides' encoders alone on the same pixels, which bounds what any faster decoding and
 * scaling could gain. Prints figures; asserts nothing.
 */
public final class RenderBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        Preset preset = defaultPreset();
        List<Path> files = jpegs("photos", "orientation");
        List<byte[]> inputs = new ArrayList<>();
        for (Path file : files) {
            inputs.add(Files.readAllBytes(file));
        }
        Renderer renderer = new Renderer(Limits.defaults());
        System.out.printf(Locale.ROOT, "# %d JPEGs, preset default (%d variants + %d px placeholder), heap max %d MB, %s%n",
                files.size(), preset.variants().size(), preset.placeholderWidth(),
                Runtime.getRuntime().maxMemory() >> 20, Encoder.settings());
        double cascadeRateOneThread = 0;
        for (int threads : new int[] {1, 2}) {
            run(renderer, preset, inputs, threads);
            // Rounds alternate the sides, so a slower minute of a shared machine hits both; medians.
            List<Result> java = new ArrayList<>();
            List<JsonNode> cascade = new ArrayList<>();
            List<JsonNode> idiomatic = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                java.add(run(renderer, preset, inputs, threads));
                cascade.add(sharp("cascade", threads, files, preset));
                idiomatic.add(sharp("idiomatic", threads, files, preset));
                System.out.printf(Locale.ROOT, "# threads=%d round=%d images_per_s=%.2f sharp_cascade=%.2f sharp_idiomatic=%.2f%n",
                        threads, round + 1, java.get(round).imagesPerSecond(), rate(cascade.get(round)),
                        rate(idiomatic.get(round)));
            }
            double javaRate = median(java.stream().map(Result::imagesPerSecond).toList());
            double cascadeRate = median(cascade.stream().map(RenderBench::rate).toList());
            double idiomaticRate = median(idiomatic.stream().map(RenderBench::rate).toList());
            if (threads == 1) {
                cascadeRateOneThread = cascadeRate;
            }
            System.out.printf(Locale.ROOT,
                    "threads=%d images=%d images_per_s=%.2f ms_per_image_median=%d peak_heap_mb=%d output_bytes=%s"
                            + " sharp_cascade_images_per_s=%.2f sharp_output_bytes=%s sharp_idiomatic_images_per_s=%.2f"
                            + " sharp_idiomatic_output_bytes=%s ratio_vs_sharp_cascade=%.2f ratio_vs_sharp_idiomatic=%.2f%n",
                    threads, inputs.size(), javaRate,
                    (long) median(java.stream().map(r -> (double) r.medianMs()).toList()),
                    java.stream().mapToLong(Result::peakHeapMb).max().orElseThrow(), mb(java.get(0).outputBytes()),
                    cascadeRate, mb(cascade.get(0).path("output_bytes").asLong()), idiomaticRate,
                    mb(idiomatic.get(0).path("output_bytes").asLong()), javaRate / cascadeRate, javaRate / idiomaticRate);
        }
        encodersOnly(renderer, preset, inputs, cascadeRateOneThread);
    }

    /**
     * Where the time goes: both sides encode the same pixels (our variants, decoded back to BGR) with the
     * same settings, one image at a time. Were our decoding and scaling free, the ratio against sharp's
     * cascade could reach sharp's cascade time over our encoders' time, and no more.
     */
    private static void encodersOnly(Renderer renderer, Preset preset, List<byte[]> inputs, double cascadeRate)
            throws Exception {
        Path dir = Files.createTempDirectory("bench-pixels");
        List<Picture> pictures = new ArrayList<>();
        for (byte[] input : inputs) {
            for (RenderedVariant variant : renderer.render(input, preset).variants()) {
                BufferedImage bgr = bgr(ImageIO.read(new ByteArrayInputStream(variant.bytes())));
                Path raw = dir.resolve(pictures.size() + ".rgb");
                byte[] rgb = new byte[bgr.getWidth() * bgr.getHeight() * 3];
                swapRedAndBlue(((DataBufferByte) bgr.getRaster().getDataBuffer()).getData(), rgb);
                Files.write(raw, rgb);
                pictures.add(new Picture(raw, bgr.getWidth(), bgr.getHeight(), variant.spec()));
            }
        }
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("mode", "encode");
        job.put("images", inputs.size());
        job.put("items", pictures.stream().map(Picture::item).toList());
        job.put("webpEffort", Encoder.WEBP_EFFORT);
        encodeAll(pictures);
        List<Double> java = new ArrayList<>();
        List<Double> sharp = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            java.add(encodeAll(pictures) / inputs.size());
            sharp.add(node(job, 1).path("ms_per_image").asDouble());
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
        double javaMs = median(java);
        double cascadeMs = 1000 / cascadeRate;
        System.out.printf(Locale.ROOT, "encoders_only threads=1 images=%d java_ms_per_image=%.0f"
                        + " sharp_ms_per_image=%.0f sharp_cascade_ms_per_image=%.0f ratio_ceiling_vs_sharp_cascade=%.2f%n",
                inputs.size(), javaMs, median(sharp), cascadeMs, cascadeMs / javaMs);
    }

    /** A variant's pixels, as raw RGB in a file, and the settings to encode them with. */
    private record Picture(Path raw, int width, int height, VariantSpec spec) {

        /** As render.mjs's encode mode takes it. */
        Map<String, Object> item() {
            Map<String, Object> item = describe(spec);
            item.put("width", width);
            item.put("height", height);
            item.put("file", raw.toString());
            return item;
        }
    }

    /** Milliseconds our encoders take for all the pictures (read from their files one at a time, untimed). */
    private static double encodeAll(List<Picture> pictures) throws IOException {
        long nanos = 0;
        for (Picture picture : pictures) {
            BufferedImage pixels = new BufferedImage(picture.width(), picture.height(), BufferedImage.TYPE_3BYTE_BGR);
            byte[] bgr = ((DataBufferByte) pixels.getRaster().getDataBuffer()).getData();
            swapRedAndBlue(Files.readAllBytes(picture.raw()), bgr);
            VariantSpec spec = picture.spec();
            long start = System.nanoTime();
            Encoder.encode(pixels, spec.format(), spec.quality(), spec.progressive());
            nanos += System.nanoTime() - start;
        }
        return nanos / 1e6;
    }

    /** The picture as 3-byte BGR, the layout the renderer hands its encoders. */
    private static BufferedImage bgr(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** BGR to RGB or back: sharp reads raw RGB, our encoders get BGR. */
    private static void swapRedAndBlue(byte[] from, byte[] to) {
        for (int i = 0; i < from.length; i += 3) {
            to[i] = from[i + 2];
            to[i + 1] = from[i + 1];
            to[i + 2] = from[i];
        }
    }

    private static double rate(JsonNode sharp) {
        return sharp.path("images_per_s").asDouble();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    record Result(double imagesPerSecond, long medianMs, long peakHeapMb, long outputBytes) {
    }

    private static Result run(Renderer renderer, Preset preset, List<byte[]> inputs, int threads) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicInteger next = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < inputs.size(); i = next.getAndIncrement()) {
                    long begin = System.nanoTime();
                    Rendition rendition = renderer.render(inputs.get(i), preset);
                    times.add((System.nanoTime() - begin) / 1_000_000);
                    bytes.addAndGet(rendition.variants().stream().mapToLong(v -> v.bytes().length).sum()
                            + jpegBytes(rendition.placeholder()));
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
        List<Long> sorted = times.stream().sorted().toList();
        return new Result(inputs.size() / seconds, sorted.get(sorted.size() / 2), peak, bytes.get());
    }

    /** Runs the sharp side in its own node process, one libvips thread per image, threads images at once. */
    private static JsonNode sharp(String mode, int threads, List<Path> files, Preset preset) throws Exception {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("mode", mode);
        job.put("threads", threads);
        job.put("warmup", Math.min(5, files.size()));
        job.put("files", files.stream().map(f -> f.toAbsolutePath().toString()).toList());
        job.put("variants", preset.variants().stream().map(RenderBench::describe).toList());
        job.put("placeholderWidth", preset.placeholderWidth());
        job.put("placeholderQuality", Placeholder.QUALITY);
        job.put("webpEffort", Encoder.WEBP_EFFORT);
        return node(job, threads);
    }

    /** Runs bench/sharp/render.mjs on a job and returns the figures it prints. */
    private static JsonNode node(Map<String, Object> job, int threads) throws Exception {
        Path jobFile = Files.createTempFile("sharp-job", ".json");
        JSON.writeValue(jobFile.toFile(), job);
        ProcessBuilder node = new ProcessBuilder("node", "bench/sharp/render.mjs", jobFile.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        node.environment().put("UV_THREADPOOL_SIZE", String.valueOf(threads));
        Process process = node.start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("sharp (" + job.get("mode") + ") failed: " + out);
        }
        Files.delete(jobFile);
        return JSON.readTree(out);
    }

    private static Map<String, Object> describe(VariantSpec spec) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", spec.name());
        v.put("width", spec.width());
        v.put("height", spec.height());
        v.put("fit", spec.fit().name().toLowerCase(Locale.ROOT));
        v.put("format", spec.format().name().toLowerCase(Locale.ROOT));
        v.put("quality", spec.quality());
        v.put("progressive", spec.progressive());
        return v;
    }

    /** The service's settings as application.properties ships them (no profile applied). */
    public static Properties shippedProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    /** The {@code default} set exactly as application.properties ships it. */
    public static Preset defaultPreset() throws IOException {
        Properties properties = shippedProperties();
        List<VariantSpec> variants = Arrays.stream(properties.getProperty("app.presets.sets.default.variants")
                .split(",")).map(VariantSpec::parse).toList();
        return new Preset("default", variants,
                Integer.parseInt(properties.getProperty("app.presets.sets.default.placeholder-width")));
    }

    private static List<Path> jpegs(String... folders) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : folders) {
            try (Stream<Path> list = Files.list(Corpus.path(folder))) {
                list.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".jpg")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    /** The size of the JPEG inside a placeholder data URI. */
    private static int jpegBytes(String dataUri) {
        return Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1)).length;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.2fMB", bytes / 1e6);
    }
}
