package aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

class ObjectUrlsTest {

    private final S3Presigner presigner = S3Presigner.builder().region(Region.EU_WEST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
            .endpointOverride(URI.create("http://127.0.0.1:9000"))
            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();

    @Test
    void variantUrlsArePresignedGetsThatExpire() {
        String url = new ObjectUrls(presigner, Duration.ofMinutes(5), Duration.ofHours(1), Optional.empty())
                .download("bucket", "processed/a/b/c/medium.jpg");
        assertTrue(url.startsWith("http://127.0.0.1:9000/bucket/processed/a/b/c/medium.jpg?"), url);
        assertTrue(url.contains("X-Amz-Expires=3600"), url);
    }

    @Test
    void withACdnBaseUrlVariantUrlsPointThere() {
        ObjectUrls urls = new ObjectUrls(presigner, Duration.ofMinutes(5), Duration.ofHours(1),
                Optional.of("https://cdn.example.com"));
        assertEquals("https://cdn.example.com/processed/a/b/c/medium.jpg", urls.download("bucket", "processed/a/b/c/medium.jpg"));
    }
}
