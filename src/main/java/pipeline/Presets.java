package pipeline;

import imaging.Preset;
import imaging.VariantSpec;
import imaging.Watermark;
import imaging.WatermarkAnchor;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.awt.Color;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;

/** The configured variant sets, checked once at start so a typo fails the deployment, not an upload. */
@Startup
@ApplicationScoped
public class Presets {

    private final Map<String, Preset> byName = new TreeMap<>();
    private final String defaultPreset;

    public Presets(PresetsConfig config, Instance<S3Client> s3) {
        config.sets().forEach((name, set) -> {
            try {
                byName.put(name, new Preset(name, set.variants().stream().map(VariantSpec::parse).toList(),
                        set.placeholderWidth(), set.watermark().map(w -> watermark(name, w, s3::get))));
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

    public Iterable<String> names() {
        return byName.keySet();
    }
}
