package load;

/**
 * Names the AWS API call an HTTP request makes, for {@link CountingProxy}: DynamoDB and SQS (JSON
 * protocol) say it in {@code X-Amz-Target}; S3 (path style here) by method, path and query. A request
 * signed in its query string is a presigned URL, sent by a client, not by the service.
 */
final class AwsOperations {

    /** The prefix of operations made by clients through presigned URLs, not by the service. */
    static final String PRESIGNED = "presigned ";

    private AwsOperations() {
    }

    static String dynamo(CountingProxy.RequestHead request) {
        return target(request, "DynamoDB_20120810.");
    }

    static String sqs(CountingProxy.RequestHead request) {
        return target(request, "AmazonSQS.");
    }

    static String s3(CountingProxy.RequestHead request) {
        int q = request.target().indexOf('?');
        String path = q < 0 ? request.target() : request.target().substring(0, q);
        String query = q < 0 ? "" : request.target().substring(q + 1);
        boolean object = path.indexOf('/', 1) > 0 && path.indexOf('/', 1) < path.length() - 1;
        String name = switch (request.method()) {
            case "GET" -> object ? "GetObject" : query.contains("list-type=2") ? "ListObjectsV2" : "ListObjects";
            case "PUT" -> object ? "PutObject" : "CreateBucket";
            case "HEAD" -> object ? "HeadObject" : "HeadBucket";
            case "DELETE" -> object ? "DeleteObject" : "DeleteBucket";
            default -> request.method();
        };
        return query.contains("X-Amz-Signature=") ? PRESIGNED + name : name;
    }

    private static String target(CountingProxy.RequestHead request, String prefix) {
        String target = request.header("x-amz-target");
        if (target == null) {
            return request.method() + " (no X-Amz-Target)";
        }
        return target.startsWith(prefix) ? target.substring(prefix.length()) : target;
    }
}
