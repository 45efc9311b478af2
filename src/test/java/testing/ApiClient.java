package testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The steps an app client takes, over real HTTP: token, presign, PUT to S3, poll. */
public final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Duration ENDED_WITHIN = Duration.ofSeconds(90);

    private ApiClient() {
    }

    public static String token(String user) {
        return given().contentType(ContentType.JSON).body(Map.of("user", user))
                .post("/dev/token").then().statusCode(200).extract().path("token");
    }

    public static JsonPath presign(String token, String fileName, String contentType, long size) {
        return presign(token, fileName, contentType, size, "default");
    }

    public static JsonPath presign(String token, String fileName, String contentType, long size, String preset) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("fileName", fileName, "contentType", contentType, "size", size, "preset", preset))
                .post("/v1/uploads").then().statusCode(201).extract().jsonPath();
    }

    /**
     * PUTs the bytes to a presigned upload URL as a client told by {@code POST /v1/uploads} does, with the
     * given Content-Type and {@code If-None-Match: *}; returns S3's status code.
     */
    public static int put(String url, String contentType, byte[] body) {
        return put(url, Map.of("Content-Type", contentType, "If-None-Match", "*"), body);
    }

    /**
     * PUTs the bytes to a presigned URL with exactly these headers; returns S3's status code. A refusing
     * server may answer and close before the body is read, so only the status line is relied on.
     */
    public static int put(String url, Map<String, String> headers, byte[] body) {
        IOException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return send(url, headers, body);
            } catch (IOException e) {
                // A server that refuses a large body may close the connection before its answer is read.
                last = e;
            }
        }
        throw new UncheckedIOException(last);
    }

    private static int send(String url, Map<String, String> headers, byte[] body) throws IOException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
            headers.forEach(request::header);
            HttpResponse<InputStream> response = HTTP.send(request.PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream ignored = response.body()) {
                return response.statusCode();
            } catch (IOException closedEarly) {
                return response.statusCode();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static byte[] download(String url) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonPath job(String token, String jobId) {
        return given().auth().oauth2(token).get("/v1/jobs/" + jobId).then().statusCode(200).extract().jsonPath();
    }

    /** Polls the job until it has ended (COMPLETED or FAILED) and returns it. */
    public static JsonPath awaitEnded(String token, String jobId) {
        return awaitEnded(token, jobId, ENDED_WITHIN);
    }

    /** Polls the job until it has ended (COMPLETED or FAILED) and returns it; fails once {@code within} has passed. */
    public static JsonPath awaitEnded(String token, String jobId, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            JsonPath job = job(token, jobId);
            String status = job.getString("status");
            if ("COMPLETED".equals(status) || "FAILED".equals(status)) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Job " + jobId + " still " + status + " after " + within);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Presigns, uploads a corpus file, and waits for its job to end. */
    public static JsonPath upload(String token, String corpusFile, String contentType) {
        byte[] bytes = Corpus.read(corpusFile);
        String name = corpusFile.substring(corpusFile.lastIndexOf('/') + 1);
        JsonPath presigned = presign(token, name, contentType, bytes.length);
        int status = put(presigned.getString("upload.url"), presigned.getMap("upload.headers"), bytes);
        if (status != 200) {
            throw new AssertionError("S3 refused the upload of " + corpusFile + ": " + status);
        }
        return awaitEnded(token, presigned.getString("jobId"));
    }
}
