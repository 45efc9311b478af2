package pipeline;

import analysis.AnalysisPolicy;
import analysis.Moderation;
import imaging.Preset;
import imaging.VariantSpec;
import imaging.Watermark;
import imaging.WatermarkAnchor;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The configured variant sets and what their images are analysed for, checked once at start so a typo
 * fails the deployment, not an upload. With {@code app.analysis.enabled} off, no set is analysed.
 */
@Startup
@ApplicationScoped
public class Presets {

    private static final Logger LOG = Logger.getLogger(Presets.class);

    private final Map<String, Preset> byName = new TreeMap<>();
    private final Map<String, AnalysisPolicy> analysis = new TreeMap<>();
    private final String defaultPreset;

    public Presets(PresetsConfig config, Instance<S3Client> s3,
            @ConfigProperty(name = "app.analysis.enabled") boolean analysisEnabled) {
        config.sets().forEach((name, set) -> {
            try {
                AnalysisPolicy policy = analysisEnabled ? policy(set.analysis()) : AnalysisPolicy.OFF;
                analysis.put(name, policy);
                byName.put(name, new Preset(name, set.variants().stream().map(VariantSpec::parse).toList(),
                        set.placeholderWidth(), set.watermark().map(w -> watermark(name, w, s3::get)),
                        policy.active() ? AnalysisPolicy.PICTURE_SIDE : 0));
                if (policy.active()) {
                    LOG.infof("Preset %s: images analysed by Rekognition (labels %s, moderation %s): %d call(s) per image",
                            name, policy.labels() ? "on" : "off", policy.moderation().name().toLowerCase(Locale.ROOT),
                            policy.callsPerImage());
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Preset " + name + ": " + e.getMessage(), e);
            }
        });
        if (!byName.containsKey(config.defaultPreset())) {
            throw new IllegalStateException("app.presets.default-preset names '" + config.defaultPreset()
                    + "', which is not among app.presets.sets: " + byName.keySet());
        }
        this.defaultPreset = config.defaultPreset();
    }

    private static AnalysisPolicy policy(PresetsConfig.AnalysisConfig config) {
        return new AnalysisPolicy(config.labels(), config.minConfidence(), config.maxLabels(),
                Moderation.parse(config.moderation()), config.moderationMinConfidence(),
                Set.copyOf(config.refuseCategories().orElse(List.of())));
    }

    private static Watermark watermark(String preset, PresetsConfig.WatermarkConfig config, Supplier<S3Client> s3) {
        if (config.text().isPresent() == config.image().isPresent()) {
            throw new IllegalStateException("The watermark of preset " + preset + " needs either text or image");
        }
        Watermark.Mark mark = config.text().isPresent()
                ? new Watermark.Text(config.text().get(), colour(preset, config.color()))
                : new Watermark.Logo(new WatermarkLogo(config.image().get(), s3));
        return new Watermark(mark, WatermarkAnchor.parse(config.anchor()), config.size(), config.opacity(),
                config.margin(), config.minWidth());
    }

    private static Color colour(String preset, String value) {
        try {
            return Color.decode(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("The watermark colour of preset " + preset + " should read #RRGGBB: " + value, e);
        }
    }

    public String defaultName() {
        return defaultPreset;
    }

    public Optional<Preset> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** What the set's images are analysed for; {@link AnalysisPolicy#OFF} for a set no longer configured. */
    public AnalysisPolicy analysis(String name) {
        return analysis.getOrDefault(name, AnalysisPolicy.OFF);
    }

    public Iterable<String> names() {
        return byName.keySet();
    }
}
