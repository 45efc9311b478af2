package infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Synthesises the stack and checks the CloudFormation template it makes. */
class ImagePipelineStackTest {

    static final String OIDC = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    static final String ISSUER = "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";

    static Template basic;
    static Template everything;

    @BeforeAll
    static void synthesise() {
        basic = synth(Map.of("eksOidcProviderArn", OIDC));
        everything = synth(Map.of("eksOidcProviderArn", OIDC, "userPool", "true", "analysis", "true",
                "stateMachineArn", "arn:aws:states:eu-west-1:123456789012:stateMachine:image-review",
                "taskStateMachine", "true",
                "alarmEmail", "ops@example.com", "corsOrigins", "https://app.example.com, https://admin.example.com"));
    }

    static Template synth(Map<String, String> context) {
        App app = new App();
        ImagePipelineStack stack = new ImagePipelineStack(app, "ImagePipeline", StackProps.builder()
                .env(Environment.builder().account("123456789012").region("eu-west-1").build()).build(),
                StackSettings.of(context));
        return Template.fromStack(stack);
    }

    @Test
    void resources() {
        basic.resourceCountIs("AWS::S3::Bucket", 1);
        basic.resourceCountIs("AWS::KMS::Key", 1);
        basic.resourceCountIs("AWS::SQS::Queue", 2);
        basic.resourceCountIs("AWS::SQS::QueuePolicy", 2);
        basic.resourceCountIs("AWS::DynamoDB::Table", 1);
        basic.resourceCountIs("AWS::IAM::Role", 2);
        basic.resourceCountIs("AWS::SNS::Topic", 1);
        basic.resourceCountIs("AWS::CloudWatch::Alarm", 3 + Alarms.FAILURE_RATE_PERCENT.size());
        basic.resourceCountIs("AWS::Cognito::UserPool", 0);
        basic.resourceCountIs("AWS::StepFunctions::StateMachine", 0);
        // The upload notification is the bucket's own property: no Lambda-backed custom resource.
        basic.resourceCountIs("AWS::Lambda::Function", 0);
        everything.resourceCountIs("AWS::Cognito::UserPool", 1);
        everything.resourceCountIs("AWS::Cognito::UserPoolClient", 1);
        everything.resourceCountIs("AWS::Cognito::UserPoolGroup", 1);
        everything.resourceCountIs("AWS::SNS::Subscription", 1);
        everything.resourceCountIs("AWS::StepFunctions::StateMachine", 1);
    }

    @Test
    void bucketIsPrivateEncryptedAndCleansUp() {
        basic.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Match.objectLike(Map.of(
                        "BucketKeyEnabled", true,
                        "ServerSideEncryptionByDefault", Match.objectLike(Map.of("SSEAlgorithm", "aws:kms",
                                "KMSMasterKeyID", Match.anyValue())))))),
                "LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Id", "expire-pending-uploads", "Status", "Enabled",
                                "Prefix", "uploads/", "ExpirationInDays", 7,
                                "TagFilters", List.of(Map.of("Key", "image-pipeline-state", "Value", "pending")))),
                        Match.objectLike(Map.of("Id", "abort-incomplete-multipart-uploads", "Status", "Enabled",
                                "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 1)))))))));
        basic.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of("EnableKeyRotation", true)));
        // TLS only.
        basic.hasResourceProperties("AWS::S3::BucketPolicy", Match.objectLike(Map.of("PolicyDocument",
                Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))));
    }

    @Test
    void browsersMayPutFromTheConfiguredOrigins() {
        everything.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of("CorsConfiguration",
                Map.of("CorsRules", List.of(Match.objectLike(Map.of(
                        "AllowedMethods", List.of("PUT"),
                        "AllowedOrigins", List.of("https://app.example.com", "https://admin.example.com"),
                        "AllowedHeaders", Match.arrayWith(List.of("Content-Type", "If-None-Match")))))))));
        basic.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of("CorsConfiguration",
                Map.of("CorsRules", List.of(Match.objectLike(Map.of("AllowedOrigins", List.of("http://localhost:3000"))))))));
    }

    @Test
    void onlyUploadsNotifyTheIngestQueueAfterItsPolicyExists() {
        String queue = logicalId(basic, "AWS::SQS::Queue", Map.of("QueueName", "image-pipeline-ingest"));
        basic.hasResource("AWS::S3::Bucket", Match.objectLike(Map.of(
                "Properties", Match.objectLike(Map.of("NotificationConfiguration", Map.of("QueueConfigurations", List.of(Map.of(
                        "Event", "s3:ObjectCreated:*",
                        "Queue", Map.of("Fn::GetAtt", List.of(queue, "Arn")),
                        "Filter", Map.of("S3Key", Map.of("Rules", List.of(Map.of("Name", "prefix", "Value", "uploads/"))))))))),
                "DependsOn", Match.arrayWith(List.of(Match.stringLikeRegexp("QueuesIngestPolicy.*"))))));
    }

    @Test
    void queuePolicyLetsOnlyTheBucketSend() {
        String queue = logicalId(basic, "AWS::SQS::Queue", Map.of("QueueName", "image-pipeline-ingest"));
        Map<String, Object> bucketArn = Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                ":s3:::", Map.of("Fn::Join", List.of("-", List.of("image-pipeline",
                        Map.of("Ref", "AWS::AccountId"), Map.of("Ref", "AWS::Region")))))));
        Map<String, Object> allowS3 = Map.of(
                "Effect", "Allow",
                "Principal", Map.of("Service", "s3.amazonaws.com"),
                "Action", "sqs:SendMessage",
                "Condition", Map.of(
                        "ArnEquals", Map.of("aws:SourceArn", bucketArn),
                        "StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId"))));
        basic.hasResourceProperties("AWS::SQS::QueuePolicy", Match.objectLike(Map.of(
                "Queues", List.of(Map.of("Ref", queue)),
                "PolicyDocument", Match.objectLike(Map.of("Statement",
                        Match.arrayWith(List.of(Match.objectLike(allowS3))))))));
    }

    @Test
    void queuesHaveTheServicesSettingsAndRedrive() {
        String dlq = logicalId(basic, "AWS::SQS::Queue", Map.of("QueueName", "image-pipeline-ingest-dlq"));
        basic.hasResourceProperties("AWS::SQS::Queue", Match.objectLike(Map.of(
                "QueueName", "image-pipeline-ingest",
                "VisibilityTimeout", 120,
                "ReceiveMessageWaitTimeSeconds", 20,
                "SqsManagedSseEnabled", true,
                "RedrivePolicy", Map.of("deadLetterTargetArn", Map.of("Fn::GetAtt", List.of(dlq, "Arn")),
                        "maxReceiveCount", 5))));
        basic.hasResourceProperties("AWS::SQS::Queue", Match.objectLike(Map.of(
                "QueueName", "image-pipeline-ingest-dlq", "MessageRetentionPeriod", 14 * 24 * 3600)));
    }

    @Test
    void tableHasTheJobStoresKeysIndexAndTtl() {
        basic.hasResourceProperties("AWS::DynamoDB::Table", Match.objectLike(Map.of(
                "TableName", "image-pipeline-jobs",
                "BillingMode", "PAY_PER_REQUEST",
                "KeySchema", List.of(Map.of("AttributeName", "pk", "KeyType", "HASH"),
                        Map.of("AttributeName", "sk", "KeyType", "RANGE")),
                "AttributeDefinitions", Match.arrayWith(List.of(
                        Map.of("AttributeName", "pk", "AttributeType", "S"),
                        Map.of("AttributeName", "sk", "AttributeType", "S"),
                        Map.of("AttributeName", "owner", "AttributeType", "S"),
                        Map.of("AttributeName", "createdAt", "AttributeType", "S"))),
                "GlobalSecondaryIndexes", List.of(Map.of(
                        "IndexName", "owner-createdAt",
                        "KeySchema", List.of(Map.of("AttributeName", "owner", "KeyType", "HASH"),
                                Map.of("AttributeName", "createdAt", "KeyType", "RANGE")),
                        "Projection", Map.of("ProjectionType", "INCLUDE",
                                "NonKeyAttributes", List.of("status", "imageCount", "updatedAt")))),
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true),
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true))));
    }

    @Test
    void serviceRoleIsAssumedByItsServiceAccountOnly() {
        basic.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of(
                "RoleName", "image-pipeline-service",
                "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Map.of(
                        "Effect", "Allow",
                        "Action", "sts:AssumeRoleWithWebIdentity",
                        "Principal", Map.of("Federated", OIDC),
                        "Condition", Map.of("StringEquals", Map.of(
                                ISSUER + ":sub", "system:serviceaccount:image-pipeline:image-pipeline",
                                ISSUER + ":aud", "sts.amazonaws.com")))))))));
        basic.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of(
                "RoleName", "image-pipeline-keda-scaler",
                "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Condition", Map.of("StringEquals", Map.of(
                                ISSUER + ":sub", "system:serviceaccount:keda:keda-operator",
                                ISSUER + ":aud", "sts.amazonaws.com"))))))))));
    }

    @Test
    void serviceRoleGrantsExactActionsOnExactResources() {
        Map<String, Map<String, Object>> statements = statementsBySid(basic, "image-pipeline-service");
        assertEquals(Set.of("ReadAndWriteImages", "CheckObjectsExist", "UseTheBucketKey", "ConsumeIngestQueue",
                "DeadLetters", "Jobs", "JobsByOwner"), statements.keySet());
        assertActions(statements, "ReadAndWriteImages", "s3:GetObject", "s3:PutObject");
        assertActions(statements, "CheckObjectsExist", "s3:ListBucket");
        assertActions(statements, "UseTheBucketKey", "kms:Decrypt", "kms:GenerateDataKey");
        assertActions(statements, "ConsumeIngestQueue", "sqs:ReceiveMessage", "sqs:DeleteMessage",
                "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl", "sqs:GetQueueAttributes", "sqs:SendMessage");
        assertActions(statements, "DeadLetters", "sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage",
                "sqs:GetQueueUrl", "sqs:GetQueueAttributes");
        assertActions(statements, "Jobs", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                "dynamodb:BatchWriteItem", "dynamodb:Query", "dynamodb:DeleteItem");
        assertActions(statements, "JobsByOwner", "dynamodb:Query");

        String bucket = logicalId(basic, "AWS::S3::Bucket", Map.of());
        assertEquals(List.of(
                Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::GetAtt", List.of(bucket, "Arn")), "/uploads/*"))),
                Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::GetAtt", List.of(bucket, "Arn")), "/processed/*")))),
                statements.get("ReadAndWriteImages").get("Resource"));
        assertEquals(Map.of("Fn::GetAtt", List.of(bucket, "Arn")), statements.get("CheckObjectsExist").get("Resource"));
        String table = logicalId(basic, "AWS::DynamoDB::Table", Map.of());
        assertEquals(Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::GetAtt", List.of(table, "Arn")),
                "/index/owner-createdAt"))), statements.get("JobsByOwner").get("Resource"));
        String key = logicalId(basic, "AWS::KMS::Key", Map.of());
        assertEquals(Map.of("Fn::GetAtt", List.of(key, "Arn")), statements.get("UseTheBucketKey").get("Resource"));

        Map<String, Map<String, Object>> scaler = statementsBySid(basic, "image-pipeline-keda-scaler");
        assertEquals(Set.of("ReadIngestQueueDepth"), scaler.keySet());
        assertActions(scaler, "ReadIngestQueueDepth", "sqs:GetQueueAttributes");
    }

    @Test
    void optionalFeaturesAddOnlyTheirOwnCalls() {
        Map<String, Map<String, Object>> statements = statementsBySid(everything, "image-pipeline-service");
        assertActions(statements, "AnalyseImages", "rekognition:DetectLabels", "rekognition:DetectModerationLabels");
        assertEquals("*", statements.get("AnalyseImages").get("Resource"));
        assertActions(statements, "AnswerStepFunctionsTasks", "states:SendTaskSuccess", "states:SendTaskFailure",
                "states:SendTaskHeartbeat");
        String taskStateMachine = logicalId(everything, "AWS::StepFunctions::StateMachine", Map.of());
        assertEquals(List.of("arn:aws:states:eu-west-1:123456789012:stateMachine:image-review",
                Map.of("Ref", taskStateMachine)), statements.get("AnswerStepFunctionsTasks").get("Resource"));
        assertActions(statements, "Accounts", "cognito-idp:SignUp", "cognito-idp:ConfirmSignUp",
                "cognito-idp:InitiateAuth", "cognito-idp:ForgotPassword", "cognito-idp:ConfirmForgotPassword",
                "cognito-idp:RevokeToken", "cognito-idp:GlobalSignOut", "cognito-idp:GetUser",
                "cognito-idp:DescribeUserPool");
        String pool = logicalId(everything, "AWS::Cognito::UserPool", Map.of());
        assertEquals(Map.of("Fn::GetAtt", List.of(pool, "Arn")), statements.get("Accounts").get("Resource"));
    }

    @Test
    void noAllowAnywhereHasAWildcardActionAndOnlyRekognitionHasAWildcardResource() {
        for (Template template : List.of(basic, everything)) {
            int checked = 0;
            for (Map<String, Object> resource : resources(template).values()) {
                for (Map<String, Object> statement : statementsIn(resource)) {
                    if (!"Allow".equals(statement.get("Effect")) || isDefaultKeyPolicy(resource, statement)) {
                        continue;
                    }
                    checked++;
                    for (Object action : asList(statement.get("Action"))) {
                        assertFalse(action.toString().contains("*"), "wildcard action in " + statement);
                    }
                    if (asList(statement.get("Resource")).contains("*")) {
                        assertEquals("AnalyseImages", statement.get("Sid"), "wildcard resource in " + statement);
                    }
                }
            }
            assertTrue(checked > 10, "statements checked: " + checked);
        }
    }

    /**
     * The KMS key keeps AWS's default key policy, the account itself may use and manage the key: that is
     * what lets IAM policies (the service role's exact kms:Decrypt and kms:GenerateDataKey) grant its use.
     */
    @SuppressWarnings("unchecked")
    static boolean isDefaultKeyPolicy(Map<String, Object> resource, Map<String, Object> statement) {
        Object principal = ((Map<String, Object>) statement.getOrDefault("Principal", Map.of())).get("AWS");
        return "AWS::KMS::Key".equals(resource.get("Type")) && "kms:*".equals(statement.get("Action"))
                && principal != null && principal.toString().contains(":iam::123456789012:root");
    }

    @Test
    void alarmsWatchTheQueuesTheFailureRatesAndRenderTime() {
        String dlq = logicalId(basic, "AWS::SQS::Queue", Map.of("QueueName", "image-pipeline-ingest-dlq"));
        String topic = logicalId(basic, "AWS::SNS::Topic", Map.of());
        basic.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "AlarmName", "image-pipeline-dead-letters",
                "Namespace", "AWS/SQS", "MetricName", "ApproximateNumberOfMessagesVisible",
                "Dimensions", List.of(Map.of("Name", "QueueName", "Value", Map.of("Fn::GetAtt", List.of(dlq, "QueueName")))),
                "Threshold", 1, "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "AlarmActions", List.of(Map.of("Ref", topic)), "OKActions", List.of(Map.of("Ref", topic)))));
        basic.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "AlarmName", "image-pipeline-ingest-oldest-message",
                "MetricName", "ApproximateAgeOfOldestMessage", "Statistic", "Maximum",
                "Threshold", 900, "EvaluationPeriods", 5, "DatapointsToAlarm", 5)));
        basic.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "AlarmName", "image-pipeline-render-p95",
                "Namespace", "ImagePipeline", "MetricName", "image_pipeline_render_seconds",
                "ExtendedStatistic", "p95", "Threshold", Alarms.RENDER_P95_SECONDS)));
        for (Map.Entry<String, Integer> rate : Alarms.FAILURE_RATE_PERCENT.entrySet()) {
            basic.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                    "AlarmName", "image-pipeline-failure-rate-" + rate.getKey(),
                    "Threshold", rate.getValue(),
                    "Metrics", Match.arrayWith(List.of(
                            Match.objectLike(Map.of("Expression", Match.stringLikeRegexp(".*100 \\* FILL\\(failed, 0\\) / total.*"))),
                            Match.objectLike(Map.of("Id", "failed", "MetricStat", Match.objectLike(Map.of(
                                    "Stat", "Sum",
                                    "Metric", Map.of("Namespace", "ImagePipeline", "MetricName", "image_pipeline_images_total",
                                            "Dimensions", Match.arrayWith(List.of(
                                                    Map.of("Name", "code", "Value", rate.getKey()),
                                                    Map.of("Name", "outcome", "Value", "failed")))))))),
                            Match.objectLike(Map.of("Id", "total", "MetricStat", Match.objectLike(Map.of(
                                    "Metric", Map.of("Namespace", "ImagePipeline", "MetricName", "image_pipeline_images_total"))))))))));
        }
        assertTrue(Alarms.FAILURE_RATE_PERCENT.keySet().containsAll(
                PipelineMetrics.CODES.stream().filter(c -> !c.equals("moderated")).toList()));
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> StackSettings.of(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> StackSettings.of(Map.of("eksOidcProviderArn", "oidc.eks.x")));
        assertThrows(IllegalArgumentException.class, () -> StackSettings.of(Map.of("eksOidcProviderArn", OIDC,
                "kedaServiceAccount", "keda-operator")));
        assertEquals(ISSUER, StackSettings.of(Map.of("eksOidcProviderArn", OIDC)).oidcIssuer());
    }

    // --- reading the template -------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> resources(Template template) {
        return (Map<String, Map<String, Object>>) (Map<?, ?>) template.toJSON().get("Resources");
    }

    @SuppressWarnings("unchecked")
    static String logicalId(Template template, String type, Map<String, Object> properties) {
        List<String> ids = new ArrayList<>();
        resources(template).forEach((id, resource) -> {
            Map<String, Object> props = (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
            if (type.equals(resource.get("Type")) && properties.entrySet().stream()
                    .allMatch(p -> p.getValue().equals(props.get(p.getKey())))) {
                ids.add(id);
            }
        });
        assertEquals(1, ids.size(), type + " " + properties + ": " + ids);
        return ids.get(0);
    }

    /** The statements of a role's inline policies, by Sid. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> statementsBySid(Template template, String roleName) {
        Map<String, Object> role = resources(template).values().stream()
                .filter(r -> "AWS::IAM::Role".equals(r.get("Type")))
                .map(r -> (Map<String, Object>) r.get("Properties"))
                .filter(p -> roleName.equals(p.get("RoleName"))).findFirst().orElseThrow();
        Map<String, Map<String, Object>> bySid = new LinkedHashMap<>();
        for (Object policy : (List<Object>) role.get("Policies")) {
            Map<String, Object> document = (Map<String, Object>) ((Map<String, Object>) policy).get("PolicyDocument");
            for (Object statement : (List<Object>) document.get("Statement")) {
                Map<String, Object> s = (Map<String, Object>) statement;
                assertEquals("Allow", s.get("Effect"));
                bySid.put((String) s.get("Sid"), s);
            }
        }
        return bySid;
    }

    /** Every policy statement in a resource: trust and inline policies, resource policies. */
    static List<Map<String, Object>> statementsIn(Map<String, Object> resource) {
        List<Map<String, Object>> statements = new ArrayList<>();
        collect(resource, statements);
        return statements;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object node, List<Map<String, Object>> into) {
        if (node instanceof Map<?, ?> map) {
            Object statement = map.get("Statement");
            if (map.containsKey("Version") && statement != null) {
                asList(statement).forEach(s -> into.add((Map<String, Object>) s));
            }
            map.values().forEach(v -> collect(v, into));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collect(v, into));
        }
    }

    private static List<Object> asList(Object value) {
        return value instanceof List<?> list ? new ArrayList<>(list) : value == null ? List.of() : List.of(value);
    }

    private static void assertActions(Map<String, Map<String, Object>> statements, String sid, String... actions) {
        assertTrue(statements.containsKey(sid), sid + " missing: " + statements.keySet());
        assertEquals(new TreeSet<>(List.of(actions)), new TreeSet<>(asList(statements.get(sid).get("Action"))), sid);
    }

}
