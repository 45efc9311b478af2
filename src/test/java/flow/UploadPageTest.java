package flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import testing.ApiClient;
import testing.Browser;
import testing.Corpus;
import testing.LocalAwsTestResource;

/**
 * The page at {@code /} in a real browser (Debian's Chromium) against the service and its local S3, SQS
 * and DynamoDB: sign in, upload through the page (presign, PUT to S3 with progress, polling), see the
 * results, copy a snippet, page through "My jobs" and reopen a job. Screenshots land in target/browser/.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
class UploadPageTest {

    private static final String LANDSCAPE = "large-landscape-4032x3024.jpg";
    private static final String PORTRAIT = "medium-portrait-exif6-lamp.jpg";
    private static final String TEXT = "text-renamed.jpg";
    private static final Duration PROCESSED_WITHIN = Duration.ofSeconds(120);
    private static final Duration SHORTLY = Duration.ofSeconds(15);

    @TestHTTPResource("/")
    URL page;

    @Test
    void theClientConfigOffersTheDeveloperSignInAndSaysWhatUploadsAccept() {
        given().get("/client-config").then().statusCode(200).contentType("application/json")
                .body("signIn.developer", equalTo(true))
                .body("uploads.maxBytes", equalTo(10_485_760))
                .body("uploads.contentTypes", hasItem("image/webp"))
                .body("uploads.presets", hasItem("default"))
                .body("uploads.defaultPreset", equalTo("default"));
    }

    @Test
    void thePageIsPublicAndMayOnlyTalkToThisServiceAndTheStorage() {
        String s3 = s3();
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("img-src 'self' data: " + s3 + ";"))
                .header("Content-Security-Policy", containsString("connect-src 'self' " + s3 + ";"))
                .header("Referrer-Policy", equalTo("no-referrer"));
        given().get("/js/main.js").then().statusCode(200).contentType(containsString("javascript"));
        given().get("/v1/jobs").then().statusCode(401).body("code", equalTo("unauthorized"));
    }

    @Test
    void servingThePageKeeps404And405AsTheyWere() {
        // Quarkus routes every path for GET/HEAD/OPTIONS once there are static files; FrameworkProblems sorts it out.
        String token = ApiClient.token("alice");
        given().post("/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("not-found"));
        given().auth().oauth2(token).get("/v1/uploads").then().statusCode(405).contentType("application/problem+json")
                .body("code", equalTo("method-not-allowed"));
        given().auth().oauth2(token).get("/v1/nothing-here").then().statusCode(404).body("code", equalTo("not-found"));
        given().post("/").then().statusCode(405).body("code", equalTo("method-not-allowed"));
    }

    @Test
    void aPersonSignsInUploadsTwoPhotosAndATextFileAndSeesWhatBecameOfEach() {
        Browser.assumeAvailable();
        String user = "page-" + System.nanoTime();
        try (Browser browser = Browser.start()) {
            browser.open(page.toString());
            theSkipLinkComesFirst(browser);
            signIn(browser, user);
            recordProgress(browser);

            browser.find("input[type=file]").sendKeys(String.join("\n",
                    Corpus.path("photos/" + LANDSCAPE).toAbsolutePath().toString(),
                    Corpus.path("photos/" + PORTRAIT).toAbsolutePath().toString(),
                    Corpus.path("bad/" + TEXT).toAbsolutePath().toString()));
            browser.waitUpTo(PROCESSED_WITHIN).until(d -> cards(browser).size() == 3
                    && cards(browser).values().stream().allMatch(c -> "COMPLETED".equals(c.get("status"))
                            || "FAILED".equals(c.get("status"))));

            Map<String, Map<String, Object>> cards = cards(browser);
            Map<String, List<Number>> progress = browser.script("return window.progressSeen;");
            for (String file : List.of(LANDSCAPE, PORTRAIT, TEXT)) {
                Map<String, Object> card = cards.get(file);
                assertTrue(String.valueOf(card.get("jobId")).matches("[0-9A-Z]{26}"), file + " has its job id: " + card);
                assertEquals(100L, ((Number) card.get("progress")).longValue(), file + " upload bar at 100 %");
                List<Number> seen = progress.get(file);
                assertEquals(100, seen.get(seen.size() - 1).intValue(), file + " progress events ended at 100 %: " + seen);
                for (int i = 1; i < seen.size(); i++) {
                    assertTrue(seen.get(i).doubleValue() >= seen.get(i - 1).doubleValue(), file + " progress went back: " + seen);
                }
            }
            for (String photo : List.of(LANDSCAPE, PORTRAIT)) {
                assertEquals("COMPLETED", cards.get(photo).get("status"), photo + ": " + cards.get(photo));
                assertNull(cards.get(photo).get("code"));
                assertEquals("Done: 6 variants made.", cards.get(photo).get("text"));
                thePictureHasLoaded(browser, photo);
            }
            Map<String, Object> text = cards.get(TEXT);
            assertEquals("FAILED", text.get("status"));
            assertEquals("not-an-image", text.get("code"));
            assertTrue(((String) text.get("text")).startsWith("This file is not an image."), text.toString());
            assertEquals("not-an-image", browser.find(cardSelector(TEXT) + " .image.failed").getAttribute("data-code"));

            theGalleryShowsFactsAndVariants(browser);
            theSnippetIsBuiltFromTheApiSrcsetAndCopied(browser, user, (String) cards.get(LANDSCAPE).get("jobId"));
            theStatusChangesWereAnnounced(browser);
            everyControlHasAName(browser);

            browser.screenshot("upload-page-desktop");
            browser.emulatePhone();
            browser.waitUpTo(SHORTLY).until(d -> browser.<Boolean>script(
                    "return document.documentElement.clientWidth === 390"));
            // A phone zooms out to fit content wider than its screen, so innerWidth would grow with it.
            assertEquals(390L, browser.<Number>script("return document.documentElement.scrollWidth").longValue(),
                    "nothing is wider than a phone's screen");
            browser.screenshot("upload-page-phone");
            browser.cdp("Emulation.clearDeviceMetricsOverride", Map.of());

            myJobsPagesAndReopensAJob(browser, user, (String) cards.get(PORTRAIT).get("jobId"), cards);
            signingOutForgetsTheToken(browser);

            noRequestLeftTheLoopback(browser);
            theConsoleHasNoErrors(browser);
        }
    }

    private static void theSkipLinkComesFirst(Browser browser) {
        browser.waitUpTo(SHORTLY).until(d -> browser.find("[data-action=dev-sign-in]").isDisplayed());
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        assertEquals("skip-link", browser.driver().switchTo().activeElement().getAttribute("class"));
    }

    private static void signIn(Browser browser, String user) {
        WebElement name = browser.find("[data-view=sign-in] input[name=user]");
        name.clear();
        name.sendKeys(user);
        browser.find("[data-action=dev-sign-in]").click();
        browser.waitUpTo(SHORTLY).until(d -> browser.find("[data-view=upload]").isDisplayed());
        assertEquals(user, browser.find("[data-field=user]").getText());
        assertEquals("upload-title", browser.driver().switchTo().activeElement().getAttribute("id"),
                "focus moves to the view's heading");
        assertFalse(browser.driver().getCurrentUrl().contains("eyJ"), "no token in the URL");
        assertTrue(browser.<String>script("return sessionStorage.getItem('image-pipeline.session')").contains("eyJ"));
    }

    /** Keeps every value each upload bar takes, by file name, in window.progressSeen. */
    private static void recordProgress(Browser browser) {
        browser.script("""
                window.progressSeen = {};
                new MutationObserver((records) => {
                  for (const record of records) {
                    if (record.target.tagName !== 'PROGRESS') continue;
                    const name = record.target.closest('.card').querySelector('.card-title').textContent;
                    (window.progressSeen[name] ||= []).push(record.target.value);
                  }
                }).observe(document.querySelector('[data-slot=uploads]'),
                    { attributes: true, attributeFilter: ['value'], subtree: true });
                """);
    }

    /** The upload cards by file name: data-job-id, data-status, data-code, bar value, sentence. */
    private static Map<String, Map<String, Object>> cards(Browser browser) {
        List<Map<String, Object>> cards = browser.script("""
                return [...document.querySelectorAll('[data-slot=uploads] .card')].map((card) => ({
                  name: card.querySelector('.card-title').textContent, jobId: card.dataset.jobId || null,
                  status: card.dataset.status || null, code: card.dataset.code || null,
                  progress: card.querySelector('progress').value,
                  text: card.querySelector('.status-text').textContent }));
                """);
        return cards.stream().collect(Collectors.toMap(c -> (String) c.get("name"), c -> c));
    }

    /** The local S3 server's origin, as the service presigns for it. */
    private static String s3() {
        return ConfigProvider.getConfig().getValue("camel.component.aws2-s3.uri-endpoint-override", String.class);
    }

    private static String cardSelector(String file) {
        return "[data-slot=uploads] .card[data-file-name='" + file + "']";
    }

    /** The picture has replaced its placeholder: a WebP from the srcset, decoded, from the storage server. */
    private static void thePictureHasLoaded(Browser browser, String photo) {
        String frame = cardSelector(photo) + " .frame";
        browser.waitUpTo(SHORTLY).until(d -> browser.<Boolean>script(
                "const img = document.querySelector(arguments[0] + ' picture img');"
                        + " return img.complete && img.naturalWidth > 0;", frame));
        assertTrue(browser.find(frame).getAttribute("class").contains("loaded"), photo + " placeholder gave way");
        assertTrue(browser.find(frame + " .placeholder").getAttribute("src").startsWith("data:image/jpeg;base64,"));
        String shown = browser.script("return document.querySelector(arguments[0] + ' picture img').currentSrc;", frame);
        assertTrue(shown.startsWith(s3() + "/") && shown.contains("/webp-"),
                photo + " shows a WebP variant from storage: " + shown);
    }

    private static void theGalleryShowsFactsAndVariants(Browser browser) {
        String portrait = cardSelector(PORTRAIT);
        assertEquals(6, browser.findAll(portrait + " table.variants tbody tr").size());
        for (WebElement link : browser.findAll(portrait + " table.variants a[download]")) {
            assertTrue(link.getAttribute("href").startsWith(s3() + "/"), link.getAttribute("href"));
        }
        String facts = browser.find(portrait + " .facts").getText();
        assertTrue(facts.contains("1536 × 2048 px, JPEG"), facts);
        assertTrue(facts.contains("On its side (turned 90°), corrected"), facts);
        String landscapeRows = browser.find(cardSelector(LANDSCAPE) + " table.variants tbody").getText();
        assertTrue(landscapeRows.contains("large JPEG 1200 × 900"), landscapeRows);
    }

    /**
     * The snippet is the API's {@code images[].srcset} as HTML (compared without the URLs' signatures,
     * which differ per request), and the copy button puts exactly that text on the clipboard: read back
     * with navigator.clipboard.readText(), which headless Chromium allows once the permission is granted.
     */
    private static void theSnippetIsBuiltFromTheApiSrcsetAndCopied(Browser browser, String user, String jobId) {
        JsonPath job = ApiClient.job(ApiClient.token(user), jobId);
        String sizes = job.getString("images[0].srcset.sizes");
        String expected = """
                <picture>
                  <source type="image/webp" srcset="%s" sizes="%s">
                  <img src="%s" srcset="%s" sizes="%s" width="1200" height="900" alt="" loading="lazy" decoding="async">
                </picture>""".formatted(unsigned(job.getString("images[0].srcset.webp")), sizes,
                unsigned(url(job, "large")), unsigned(job.getString("images[0].srcset.jpeg")), sizes);
        String card = cardSelector(LANDSCAPE);
        String snippet = browser.script("return document.querySelector(arguments[0] + ' [data-field=snippet]').textContent;", card);
        assertEquals(expected, unsigned(snippet));

        URI origin = URI.create(browser.driver().getCurrentUrl());
        browser.cdp("Browser.grantPermissions", Map.of("origin", origin.getScheme() + "://" + origin.getAuthority(),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        WebElement copy = browser.find(card + " [data-action=copy-snippet]");
        copy.click();
        browser.waitUpTo(SHORTLY).until(d -> copy.getAttribute("data-copied") != null);
        assertEquals("true", copy.getAttribute("data-copied"));
        assertEquals("Copied", browser.find(card + " .copy-status").getText());
        String clipboard = browser.asyncScript("const done = arguments[arguments.length - 1];"
                + " navigator.clipboard.readText().then(done, (e) => done('clipboard unreadable: ' + e));");
        assertEquals(snippet, clipboard);
    }

    private static String url(JsonPath job, String variant) {
        return job.getString("images[0].variants.find { it.name == '" + variant + "' }.url");
    }

    /** Every URL in the text minus its query (the presigned date and signature, with its {@code &amp;}s). */
    private static String unsigned(String text) {
        return text.replaceAll("\\?[^\\s\"]*", "");
    }

    private static void theStatusChangesWereAnnounced(Browser browser) {
        String said = browser.find("[data-field=announcer]").getAttribute("textContent");
        assertTrue(said.contains(LANDSCAPE + ": Done: 6 variants made."), said);
        assertTrue(said.contains(TEXT + ": This file is not an image."), said);
        assertTrue(said.contains("HTML copied to the clipboard"), said);
    }

    private static void everyControlHasAName(Browser browser) {
        List<String> unnamed = browser.script("""
                const named = (el) => (el.labels && el.labels.length > 0) || el.getAttribute('aria-label')
                    || el.getAttribute('aria-labelledby') || el.textContent.trim();
                return [...document.querySelectorAll('input, select, textarea, button, a[href], progress')]
                    .filter((el) => !named(el)).map((el) => el.outerHTML)
                    .concat([...document.querySelectorAll('img:not([alt])')].map((el) => el.outerHTML));
                """);
        assertEquals(List.of(), unnamed);
    }

    private static void myJobsPagesAndReopensAJob(Browser browser, String user, String jobId,
            Map<String, Map<String, Object>> cards) {
        // Eight more (their files never sent), so the three from the page need a second page of ten.
        String token = ApiClient.token(user);
        for (int i = 0; i < 8; i++) {
            ApiClient.presign(token, "later-" + i + ".jpg", "image/jpeg", 1000);
        }
        browser.find("[data-view-link=jobs]").click();
        browser.waitUpTo(SHORTLY).until(d -> browser.findAll("[data-slot=jobs] tr").size() == 10);
        WebElement more = browser.find("[data-action=more-jobs]");
        assertTrue(more.isDisplayed());
        more.click();
        browser.waitUpTo(SHORTLY).until(d -> browser.findAll("[data-slot=jobs] tr").size() == 11);
        assertFalse(more.isDisplayed(), "the last page has no 'Show more'");
        List<String> statuses = browser.findAll("[data-slot=jobs] tr").stream().map(r -> r.getAttribute("data-status")).toList();
        assertEquals(List.of("PENDING", "PENDING", "PENDING", "PENDING", "PENDING", "PENDING", "PENDING", "PENDING"),
                statuses.subList(0, 8), "newest first");
        for (String file : List.of(LANDSCAPE, PORTRAIT, TEXT)) {
            String id = (String) cards.get(file).get("jobId");
            assertEquals(cards.get(file).get("status"),
                    browser.find("[data-slot=jobs] tr[data-job-id='" + id + "']").getAttribute("data-status"), file);
        }

        browser.find("[data-slot=jobs] tr[data-job-id='" + jobId + "'] a").click();
        String card = "[data-view=job] .card[data-job-id='" + jobId + "']";
        browser.waitUpTo(SHORTLY).until(d -> !browser.findAll(card + "[data-status=COMPLETED]").isEmpty());
        browser.waitUpTo(SHORTLY).until(d -> browser.<Boolean>script(
                "const img = document.querySelector(arguments[0] + ' picture img'); return img.complete && img.naturalWidth > 0;",
                card));
        assertEquals(PORTRAIT.replace(".jpg", ""), browser.find(card + " .card-title").getText());
        assertTrue(browser.driver().getCurrentUrl().endsWith("#jobs/" + jobId));
        assertEquals("job-title", browser.driver().switchTo().activeElement().getAttribute("id"));
    }

    private static void signingOutForgetsTheToken(Browser browser) {
        browser.find("[data-action=sign-out]").click();
        browser.waitUpTo(SHORTLY).until(d -> browser.find("[data-view=sign-in]").isDisplayed());
        assertNull(browser.script("return sessionStorage.getItem('image-pipeline.session')"));
        assertTrue(browser.findAll("[data-slot=uploads] .card").isEmpty(), "the last user's uploads are gone");
        assertTrue(browser.findAll("[data-when=signed-in]").stream().noneMatch(WebElement::isDisplayed));
    }

    private static void noRequestLeftTheLoopback(Browser browser) {
        List<String> urls = browser.script("return performance.getEntries()"
                + ".filter((e) => e.entryType === 'navigation' || e.entryType === 'resource').map((e) => e.name);");
        assertFalse(urls.isEmpty());
        List<String> elsewhere = urls.stream().filter(u -> !u.startsWith("data:")).map(URI::create)
                .filter(u -> !List.of("localhost", "127.0.0.1").contains(u.getHost())).map(URI::toString).toList();
        assertEquals(List.of(), elsewhere, "every request stays on this machine");
    }

    private static void theConsoleHasNoErrors(Browser browser) {
        assertEquals(List.of(), browser.consoleProblems());
        // The log read above is the real one: what the page writes to its console shows up in it.
        browser.script("console.error('console probe')");
        assertTrue(browser.consoleProblems().stream().anyMatch(problem -> problem.contains("console probe")));
    }
}
