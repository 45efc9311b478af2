package pipeline;

import imaging.Preset;
import imaging.VariantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The configured variant sets, checked once at start so a typo fails the deployment, not an upload. */
@ApplicationScoped
public class Presets {

    private final Map<String, Preset> byName = new TreeMap<>();
    private final String defaultPreset;

    public Presets(PresetsConfig config) {
        config.sets().forEach((name, set) -> byName.put(name, new Preset(name,
                set.variants().stream().map(VariantSpec::parse).toList(), set.placeholderWidth())));
        if (!byName.containsKey(config.defaultPreset())) {
            throw new IllegalStateException("app.presets.default-preset names '" + config.defaultPreset()
                    + "', which is not among app.presets.sets: " + byName.keySet());
        }
        this.defaultPreset = config.defaultPreset();
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
