package pipeline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;

/** The variant sets of {@code application.properties}: {@code app.presets.<name>.variants=...}. */
@ConfigMapping(prefix = "app.presets")
public interface PresetsConfig {

    /** The set an upload gets when it names none. */
    @WithDefault("default")
    String defaultPreset();

    Map<String, PresetConfig> sets();

    interface PresetConfig {
        /** One variant per entry, as read by {@link imaging.VariantSpec#parse(String)}. */
        List<String> variants();

        /** Width of the blur placeholder, 0 for none. */
        @WithDefault("0")
        int placeholderWidth();
    }
}
