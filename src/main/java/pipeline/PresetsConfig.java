package pipeline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The variant sets of {@code application.properties}: {@code app.presets.sets.<name>.variants=...}. */
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

        /** A mark on the set's larger variants; none unless text or image is set. */
        Optional<WatermarkConfig> watermark();

        /** Image analysis of the set's images, when {@code app.analysis.enabled}; nothing by default. */
        AnalysisConfig analysis();
    }

    /** See {@link analysis.AnalysisPolicy}; defaults are Rekognition's own. */
    interface AnalysisConfig {
        /** Labels with the boxes of located objects (one DetectLabels call per image). */
        @WithDefault("false")
        boolean labels();

        /** The least confidence of a label kept, 0-100. */
        @WithDefault("55")
        float minConfidence();

        /** The most labels kept, most confident first. */
        @WithDefault("20")
        int maxLabels();

        /** off, record or refuse (one DetectModerationLabels call per image unless off). */
        @WithDefault("off")
        String moderation();

        /** The least confidence of a moderation label kept, 0-100. */
        @WithDefault("50")
        float moderationMinConfidence();

        /** With refuse: the moderation categories that refuse an image; unset, every label does. */
        Optional<List<String>> refuseCategories();
    }

    interface WatermarkConfig {
        /** A line of text to draw, e.g. "© Example Ltd". */
        Optional<String> text();

        /** A logo instead of text: {@code classpath:watermarks/logo.png} or {@code s3://bucket/key}. */
        Optional<String> image();

        /** top-left, top, top-right, left, center, right, bottom-left, bottom, bottom-right or tiled. */
        @WithDefault("bottom-right")
        String anchor();

        /** Text height, or logo width, as a fraction of each variant's width. */
        @WithDefault("0.04")
        double size();

        /** Text colour, #RRGGBB. */
        @WithDefault("#FFFFFF")
        String color();

        @WithDefault("0.6")
        float opacity();

        /** Space to the picture's edges, as a fraction of each variant's width. */
        @WithDefault("0.02")
        double margin();

        /** Variants narrower than this are left unmarked (the thumbnail and placeholder always are). */
        @WithDefault("800")
        int minWidth();
    }
}
