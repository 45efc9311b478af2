package infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** The example state machine that uses the service as a task, as synthesised. */
class TaskStateMachineTest {

    private static Template template;
    private static JsonNode definition;

    @BeforeAll
    static void synthesise() throws IOException {
        template = ImagePipelineStackTest.synth(Map.of("eksOidcProviderArn", ImagePipelineStackTest.OIDC,
                "taskStateMachine", "true"));
        definition = new ObjectMapper().readTree(definitionString());
    }

    @Test
    void itSendsTheTaskMessageTheServiceReadsAndWaitsForTheToken() {
        JsonNode task = definition.at("/States/Render images");
        assertEquals("Render images", definition.path("StartAt").asText());
        assertEquals("Task", task.path("Type").asText());
        assertEquals("arn:aws:states:::sqs:sendMessage.waitForTaskToken", task.path("Resource").asText());
        JsonNode body = task.at("/Parameters/MessageBody");
        assertEquals("$$.Task.Token", body.path("taskToken.$").asText());
        assertEquals("$.images", body.path("images.$").asText());
        assertEquals("$.preset", body.path("preset.$").asText());
        assertEquals("$$.Execution.Id", body.at("/metadata/execution.$").asText());
        assertEquals("task", task.at("/Parameters/MessageAttributes/messageType/StringValue").asText(),
                "the attribute the ingest route's choice sends to the task route");
        assertEquals("String", task.at("/Parameters/MessageAttributes/messageType/DataType").asText());
        assertEquals("<ingest queue url>", task.at("/Parameters/QueueUrl").asText());
    }

    @Test
    void itTimesOutOnlyWhenTheServiceStopsBeating() throws IOException {
        JsonNode task = definition.at("/States/Render images");
        assertEquals(TaskStateMachine.HEARTBEAT_SECONDS, task.path("HeartbeatSeconds").asInt());
        assertEquals(TaskStateMachine.TIMEOUT_SECONDS, task.path("TimeoutSeconds").asInt());
        long interval = serviceHeartbeatSeconds();
        assertTrue(TaskStateMachine.HEARTBEAT_SECONDS >= 3 * interval,
                "HeartbeatSeconds leaves room for missed beats: the service beats every " + interval + " s");
    }

    @Test
    void itRetriesInternalFailuresAndCatchesEveryCode() {
        JsonNode task = definition.at("/States/Render images");
        assertEquals(List.of("internal"), strings(task.at("/Retry/0/ErrorEquals")));
        Set<String> caught = new TreeSet<>();
        for (JsonNode c : task.path("Catch")) {
            caught.addAll(strings(c.path("ErrorEquals")));
            JsonNode fail = definition.at("/States/" + c.path("Next").asText());
            assertEquals("Fail", fail.path("Type").asText());
            assertEquals("$.error.Error", fail.path("ErrorPath").asText());
        }
        Set<String> expected = new TreeSet<>(TaskStateMachine.IMAGE_ERRORS);
        expected.addAll(TaskStateMachine.REQUEST_ERRORS);
        expected.add("States.ALL");
        assertEquals(expected, caught);
        assertEquals("States.ALL", strings(task.path("Catch").get(task.path("Catch").size() - 1)
                .path("ErrorEquals")).get(0), "the catch-all comes last");
    }

    @Test
    void itMaySendToTheIngestQueueAndTheServiceMayAnswerIt() {
        String queue = ImagePipelineStackTest.logicalId(template, "AWS::SQS::Queue",
                Map.of("QueueName", "image-pipeline-ingest"));
        String stateMachine = ImagePipelineStackTest.logicalId(template, "AWS::StepFunctions::StateMachine",
                Map.of("StateMachineName", "image-pipeline-render-task"));
        List<Map<String, Object>> sends = new ArrayList<>();
        ImagePipelineStackTest.resources(template).forEach((id, resource) -> {
            if ("AWS::IAM::Policy".equals(resource.get("Type"))) {
                ImagePipelineStackTest.statementsIn(resource).stream()
                        .filter(s -> String.valueOf(s.get("Action")).contains("sqs:SendMessage")).forEach(sends::add);
            }
        });
        assertEquals(1, sends.size(), "the state machine's role: " + sends);
        assertEquals(Map.of("Fn::GetAtt", List.of(queue, "Arn")), sends.get(0).get("Resource"));

        Map<String, Map<String, Object>> service = ImagePipelineStackTest.statementsBySid(template,
                "image-pipeline-service");
        assertEquals(Map.of("Ref", stateMachine), service.get("AnswerStepFunctionsTasks").get("Resource"));
    }

    /** The definition with every CloudFormation token (the queue URL) as a placeholder. */
    @SuppressWarnings("unchecked")
    private static String definitionString() {
        Map<String, Object> resource = ImagePipelineStackTest.resources(template).values().stream()
                .filter(r -> "AWS::StepFunctions::StateMachine".equals(r.get("Type"))).findFirst().orElseThrow();
        Object value = ((Map<String, Object>) resource.get("Properties")).get("DefinitionString");
        if (value instanceof String text) {
            return text;
        }
        List<Object> join = (List<Object>) ((Map<String, Object>) value).get("Fn::Join");
        StringBuilder out = new StringBuilder();
        for (Object part : (List<Object>) join.get(1)) {
            out.append(part instanceof String text ? text
                    : Map.of("Ref", "AWS::Partition").equals(part) ? "aws" : "<ingest queue url>");
        }
        return out.toString();
    }

    /** {@code app.sfn.heartbeat-interval} of the service (a Camel duration such as {@code 60s} or {@code 1m}). */
    private static long serviceHeartbeatSeconds() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("../src/main/resources/application.properties"))) {
            properties.load(in);
        }
        String interval = properties.getProperty("app.sfn.heartbeat-interval").trim();
        long amount = Long.parseLong(interval.replaceAll("[a-z]+$", ""));
        return interval.endsWith("m") ? amount * 60 : interval.endsWith("s") ? amount : amount / 1000;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
