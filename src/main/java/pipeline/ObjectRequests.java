package pipeline;

import imaging.RenderedVariant;
import imaging.Rendition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jobs.ImageClaim;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.apache.camel.Variable;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The aws2-s3 plumbing of the render route in one place: the headers (and body) that make the component
 * read an image's source and write each of its variants. Headers left by an earlier S3 call are cleared
 * first, so a read's response metadata never leaks into a write.
 */
@ApplicationScoped
@Named("objectRequests")
public class ObjectRequests {

    private final String cacheControl;

    public ObjectRequests(@ConfigProperty(name = "app.s3.variant-cache-control") String cacheControl) {
        this.cacheControl = cacheControl;
    }

    /** For {@code operation=getObject}: the claimed image's source object. */
    public void source(@Variable(ImagePipeline.CLAIM) ImageClaim claim, Message message) {
        message.removeHeaders("CamelAwsS3*");
        message.setHeader(AWS2S3Constants.OVERRIDE_BUCKET_NAME, claim.source().bucket());
        message.setHeader(AWS2S3Constants.KEY, claim.source().key());
    }

    /** For a put: variant number {@code index} of the rendition, as body, key, type, length and caching. */
    public void variant(@Variable(ImagePipeline.CLAIM) ImageClaim claim,
            @Variable(ImagePipeline.RENDITION) Rendition rendition,
            @ExchangeProperty(Exchange.LOOP_INDEX) int index, Message message) {
        RenderedVariant variant = rendition.variants().get(index);
        message.removeHeaders("CamelAwsS3*");
        message.setHeader(AWS2S3Constants.KEY, claim.variantKey(variant.name(), variant.format().extension()));
        message.setHeader(AWS2S3Constants.CONTENT_TYPE, variant.format().contentType());
        message.setHeader(AWS2S3Constants.CONTENT_LENGTH, (long) variant.bytes().length);
        message.setHeader(AWS2S3Constants.CACHE_CONTROL, cacheControl);
        message.setBody(variant.bytes());
    }
}
