package pipeline;

import analysis.AnalysisPolicy;
import analysis.AnalysisRefusedException;
import analysis.ModeratedException;
import analysis.Moderation;
import analysis.RekognitionAnalyser;
import imaging.ImageFormat;
import imaging.ObjectFocus;
import imaging.Preset;
import imaging.Region;
import imaging.Renderer;
import imaging.Rendition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jobs.Analysis;
import jobs.ImageClaim;
import jobs.ModerationLabel;
import org.apache.camel.Variable;
import org.jboss.logging.Logger;

/**
 * The analysis verbs of the render route ({@code routes/pipeline.yaml}), between render and put variants:
 * {@link #analyse} (labels and moderation, as the claim's preset says; a refused image stops there) and
 * {@link #refocus} (smart crops around the objects found). The result travels in the Camel variable
 * {@value #ANALYSIS} (an {@link Analysis}).
 */
@ApplicationScoped
@Named("imageAnalysis")
public class ImageAnalysis {

    public static final String ANALYSIS = "analysis";
    private static final Logger LOG = Logger.getLogger(ImageAnalysis.class);

    private final Presets presets;
    private final RekognitionAnalyser analyser;

    public ImageAnalysis(Presets presets, RekognitionAnalyser analyser) {
        this.presets = presets;
        this.analyser = analyser;
    }

    /**
     * Analyses the rendered image as its preset says: {@link Analysis#NONE} when the preset analyses
     * nothing, and for DICOM images, which are never sent (their pixels may show burned-in patient
     * details). A picture the analyser refuses is skipped, unless the preset refuses what is not moderated.
     *
     * @throws ModeratedException the preset's moderation policy refuses the image
     */
    public Analysis analyse(@Variable(ImagePipeline.CLAIM) ImageClaim claim,
            @Variable(ImagePipeline.RENDITION) Rendition rendition) throws ModeratedException {
        AnalysisPolicy policy = presets.analysis(claim.preset());
        if (!policy.active() || rendition.analysisCopy() == null || rendition.format() == ImageFormat.DICOM) {
            return Analysis.NONE;
        }
        Analysis found;
        try {
            found = analyser.analyse(rendition.analysisCopy(), rendition.width(), rendition.height(), policy);
        } catch (AnalysisRefusedException e) {
            if (policy.moderation() == Moderation.REFUSE) {
                throw new ModeratedException("The image could not be moderated, and preset " + claim.preset()
                        + " publishes only moderated images: " + e.getMessage(), Analysis.NONE);
            }
            LOG.warnf("Job %s: analysis of %s skipped: %s", claim.jobId(), claim.source().key(), e.getMessage());
            return Analysis.NONE;
        }
        List<ModerationLabel> refusing = policy.refusing(found.moderation());
        if (!refusing.isEmpty()) {
            throw new ModeratedException("Refused by the moderation policy of preset " + claim.preset() + ": "
                    + refusing.stream().map(ImageAnalysis::describe).collect(Collectors.joining(", ")), found);
        }
        LOG.infof("Job %s: analysed %s: %d label(s), %d moderation label(s)", claim.jobId(), claim.source().key(),
                found.labels() == null ? 0 : found.labels().size(),
                found.moderation() == null ? 0 : found.moderation().size());
        return found;
    }

    /**
     * The rendition with its smart-gravity cover variants cut again around the objects analysis located
     * (their boxes, most confident first), and without its analysis copy; with none located, the
     * variants stay as rendered (cut by saliency).
     */
    public Rendition refocus(@Variable(ImagePipeline.CLAIM) ImageClaim claim,
            @Variable(ImagePipeline.RENDITION) Rendition rendition, @Variable(ANALYSIS) Analysis analysis) {
        List<Region> regions = analysis.labels() == null ? List.of() : analysis.labels().stream()
                .flatMap(label -> label.instances().stream())
                .filter(instance -> instance.box().width() > 0 && instance.box().height() > 0)
                .map(instance -> Region.ofPixels(instance.box().left(), instance.box().top(), instance.box().width(),
                        instance.box().height(), rendition.width(), rendition.height(), instance.confidence()))
                .toList();
        if (regions.isEmpty()) {
            return rendition.withVariants(rendition.variants());
        }
        Preset preset = presets.find(claim.preset())
                .orElseThrow(() -> new IllegalStateException("Preset " + claim.preset() + " is no longer configured"));
        return Renderer.refocus(rendition, preset, new ObjectFocus(regions));
    }

    private static String describe(ModerationLabel label) {
        return String.format(Locale.ROOT, "%s (%s%.1f %%)", label.name(),
                label.parent() == null ? "" : label.parent() + ", ", label.confidence());
    }
}
