package deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates every manifest under {@code k8s/} offline: built-in kinds parse into the fabric8 model with
 * no unknown field, custom resources pass their CRD's schema (k8s/schemas), and the documents agree
 * with each other, with the service's configuration and with the Dockerfile.
 */
class ManifestsTest {

    private static final Map<String, Class<?>> BUILT_IN = Map.of(
            "v1 ServiceAccount", ServiceAccount.class,
            "v1 ConfigMap", ConfigMap.class,
            "v1 Service", Service.class,
            "apps/v1 Deployment", Deployment.class,
            "policy/v1 PodDisruptionBudget", PodDisruptionBudget.class);
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::\\d{12}:role/[\\w+=,.@-]+");
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)m");
    private static final Pattern XMS = Pattern.compile("-Xms(\\d+)m");

    static List<Manifests.Document> documents;
    static Deployment deployment;
    static ConfigMap configMap;
    static Service service;
    static ServiceAccount serviceAccount;
    static PodDisruptionBudget disruptionBudget;
    static JsonNode scaledObject;
    static JsonNode camelKScaledObject;
    static JsonNode triggerAuthentication;
    static JsonNode serviceMonitor;
    static JsonNode integration;

    @BeforeAll
    static void read() throws JsonProcessingException {
        documents = Manifests.all();
        deployment = typed(one("k8s", "Deployment"), Deployment.class);
        configMap = typed(one("k8s", "ConfigMap"), ConfigMap.class);
        service = typed(one("k8s", "Service"), Service.class);
        serviceAccount = typed(one("k8s", "ServiceAccount"), ServiceAccount.class);
        disruptionBudget = typed(one("k8s", "PodDisruptionBudget"), PodDisruptionBudget.class);
        scaledObject = one("k8s", "ScaledObject");
        camelKScaledObject = one("k8s/camel-k", "ScaledObject");
        triggerAuthentication = one("k8s", "TriggerAuthentication");
        serviceMonitor = one("k8s", "ServiceMonitor");
        integration = one("k8s/camel-k", "Integration");
    }

    @Test
    void everyDocumentIsAKnownKindAndValid() throws JsonProcessingException {
        List<String> problems = new ArrayList<>();
        for (Manifests.Document document : documents) {
            String type = document.apiVersion() + " " + document.kind();
            if (document.name().isEmpty()) {
                problems.add(document + ": no metadata.name");
            }
            Class<?> builtIn = BUILT_IN.get(type);
            Optional<JsonSchema> schema = CrdSchemas.of(document.apiVersion(), document.kind());
            if (builtIn != null) {
                StrictModel.problems(Manifests.JSON.treeToValue(document.tree(), builtIn))
                        .forEach(p -> problems.add(document + p));
            } else if (schema.isPresent()) {
                CrdSchemas.problems(schema.get(), document.tree()).forEach(p -> problems.add(document + ": " + p));
                ObjectMeta metadata = Manifests.JSON.treeToValue(document.tree().path("metadata"), ObjectMeta.class);
                StrictModel.problems(metadata).forEach(p -> problems.add(document + ": metadata" + p));
            } else {
                problems.add(document + ": no model or schema for " + type);
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(10, documents.size(), documents.toString());
    }

    @Test
    void theValidationCatchesMistakes() throws JsonProcessingException {
        ObjectNode misspelt = deepCopy(one("k8s", "Deployment"));
        ((ObjectNode) misspelt.at("/spec/template/spec/containers/0/securityContext")).put("readOnlyRootFileSystem", true);
        assertEquals(List.of(".spec.template.spec.containers[0].securityContext: unknown field(s) [readOnlyRootFileSystem]"),
                StrictModel.problems(Manifests.JSON.treeToValue(misspelt, Deployment.class)));

        JsonSchema scaledObjectSchema = CrdSchemas.of("keda.sh/v1alpha1", "ScaledObject").orElseThrow();
        ObjectNode unknownField = deepCopy(scaledObject);
        ((ObjectNode) unknownField.get("spec")).put("minReplicas", 2);
        assertFalse(CrdSchemas.problems(scaledObjectSchema, unknownField).isEmpty());
        ObjectNode wrongType = deepCopy(scaledObject);
        ((ObjectNode) wrongType.get("spec")).put("maxReplicaCount", "ten");
        assertFalse(CrdSchemas.problems(scaledObjectSchema, wrongType).isEmpty());

        JsonSchema integrationSchema = CrdSchemas.of("camel.apache.org/v1", "Integration").orElseThrow();
        ObjectNode unknownTrait = deepCopy(integration);
        ((ObjectNode) unknownTrait.at("/spec/traits")).putObject("autoscaler").put("enabled", true);
        assertFalse(CrdSchemas.problems(integrationSchema, unknownTrait).isEmpty());
    }

    @Test
    void podRunsUnprivilegedOnAReadOnlyRootFilesystem() throws IOException {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        assertEquals(1, pod.getContainers().size());
        assertTrue(pod.getSecurityContext().getRunAsNonRoot());
        assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
        assertEquals(dockerfileUser(), pod.getSecurityContext().getRunAsUser());
        assertFalse(container.getSecurityContext().getAllowPrivilegeEscalation());
        assertTrue(container.getSecurityContext().getReadOnlyRootFilesystem());
        assertEquals(List.of("ALL"), container.getSecurityContext().getCapabilities().getDrop());
        String tmpVolume = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                .findFirst().orElseThrow().getName();
        assertNotNull(pod.getVolumes().stream().filter(v -> v.getName().equals(tmpVolume)).findFirst().orElseThrow().getEmptyDir());
    }

    @Test
    void resourcesHoldTheHeapAndTheJvmAroundIt() {
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, Quantity> requests = container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources().getLimits();
        assertNotNull(requests.get("cpu"));
        // Memory is not compressible: request = limit, so the pod is never evicted for using what it asked for.
        assertEquals(bytes(requests.get("memory")), bytes(limits.get("memory")));
        long heap = heapMb(env(container, "JAVA_OPTS_APPEND")) << 20;
        long limit = bytes(limits.get("memory")).longValueExact();
        // bench/load measured ~310 MiB beside a fixed heap (metaspace, code, threads, buffers), and a
        // progressive JPEG's native decoder holds ~3 bytes a pixel outside it (~180 MB at 60 MP)
        assertTrue(limit - heap >= 512L << 20, "room beside the heap for metaspace, threads, native buffers: "
                + (limit - heap));
    }

    @Test
    void probesAndGracefulShutdown() throws IOException {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        assertEquals("/q/health/started", container.getStartupProbe().getHttpGet().getPath());
        assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath());
        assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
        List<String> preStop = container.getLifecycle().getPreStop().getExec().getCommand();
        assertEquals("sleep", preStop.get(0));
        long pause = Long.parseLong(preStop.get(1));
        long shutdown = Long.parseLong(applicationProperties().getProperty("camel.main.shutdown-timeout"));
        assertTrue(pod.getTerminationGracePeriodSeconds() > pause + shutdown,
                "grace " + pod.getTerminationGracePeriodSeconds() + " s must cover the preStop pause " + pause
                        + " s and Camel's shutdown timeout " + shutdown + " s");
    }

    @Test
    void documentsReferToEachOther() {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Container container = pod.getContainers().get(0);
        assertEquals(serviceAccount.getMetadata().getName(), pod.getServiceAccountName());
        assertEquals(configMap.getMetadata().getName(), container.getEnvFrom().get(0).getConfigMapRef().getName());
        assertEquals(deployment.getSpec().getSelector().getMatchLabels(), service.getSpec().getSelector());
        assertTrue(podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()));
        assertTrue(podLabels.entrySet().containsAll(disruptionBudget.getSpec().getSelector().getMatchLabels().entrySet()));
        String targetPort = service.getSpec().getPorts().get(0).getTargetPort().getStrVal();
        assertTrue(container.getPorts().stream().anyMatch(p -> targetPort.equals(p.getName())));
        // The monitor finds the Service and scrapes a port it has.
        Map<String, String> monitored = Manifests.JSON.convertValue(serviceMonitor.at("/spec/selector/matchLabels"), Map.class);
        assertTrue(service.getMetadata().getLabels().entrySet().containsAll(monitored.entrySet()));
        assertEquals(service.getSpec().getPorts().get(0).getName(), serviceMonitor.at("/spec/endpoints/0/port").asText());
        assertTrue(ROLE_ARN.matcher(serviceAccount.getMetadata().getAnnotations().get("eks.amazonaws.com/role-arn")).matches());
    }

    @Test
    void theConfigMapSetsEveryVariableTheServiceReads() throws IOException {
        Pattern variable = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
        Set<String> read = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("src/main/resources/application.properties"))) {
            Matcher m = variable.matcher(line);
            while (!line.startsWith("#") && m.find()) {
                read.add(m.group(1));
            }
        }
        assertFalse(read.isEmpty());
        assertEquals(read, new TreeSet<>(configMap.getData().keySet()));
    }

    @Test
    void kedaScalesTheDeploymentOnTheIngestQueue() {
        assertEquals("Deployment", scaledObject.at("/spec/scaleTargetRef/kind").asText());
        assertEquals(deployment.getMetadata().getName(), scaledObject.at("/spec/scaleTargetRef/name").asText());
        JsonNode trigger = scaledObject.at("/spec/triggers/0");
        assertEquals("aws-sqs-queue", trigger.path("type").asText());
        assertEquals(triggerAuthentication.at("/metadata/name").asText(), trigger.at("/authenticationRef/name").asText());
        assertEquals("aws", triggerAuthentication.at("/spec/podIdentity/provider").asText());
        assertTrue(ROLE_ARN.matcher(triggerAuthentication.at("/spec/podIdentity/roleArn").asText()).matches());
        Map<String, String> names = configMap.getData();
        assertEquals(names.get("AWS_REGION"), trigger.at("/metadata/awsRegion").asText());
        assertTrue(trigger.at("/metadata/queueURL").asText().matches(
                "https://sqs\\." + names.get("AWS_REGION") + "\\.amazonaws\\.com/\\d{12}/" + names.get("APP_INGEST_QUEUE")));
        int min = scaledObject.at("/spec/minReplicaCount").asInt();
        assertTrue(disruptionBudget.getSpec().getMinAvailable().getIntVal() < min, "a drain must be able to evict a pod");
        assertTrue(scaledObject.at("/spec/maxReplicaCount").asInt() > min);
        assertTrue(Integer.parseInt(trigger.at("/metadata/queueLength").asText()) > 0);
    }

    @Test
    void camelKRunsTheSameImageWithTheSameSettings() {
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        JsonNode traits = integration.at("/spec/traits");
        assertEquals(container.getImage(), traits.at("/container/image").asText());
        assertEquals(container.getPorts().get(0).getContainerPort().intValue(), traits.at("/container/port").asInt());
        assertEquals(deployment.getSpec().getTemplate().getSpec().getServiceAccountName(),
                integration.at("/spec/serviceAccountName").asText());

        Map<String, String> expectedEnv = new LinkedHashMap<>();
        configMap.getData().keySet().forEach(key -> expectedEnv.put(key,
                "configmap:" + configMap.getMetadata().getName() + "/" + key));
        container.getEnv().forEach(e -> expectedEnv.put(e.getName(), e.getValue()));
        Map<String, String> env = new LinkedHashMap<>();
        traits.at("/environment/vars").forEach(v -> env.put(v.asText().substring(0, v.asText().indexOf('=')),
                v.asText().substring(v.asText().indexOf('=') + 1)));
        assertEquals(expectedEnv, env);

        Map<String, Quantity> requests = container.getResources().getRequests();
        assertEquals(bytes(requests.get("cpu")), bytes(new Quantity(traits.at("/container/requestCPU").asText())));
        assertEquals(bytes(requests.get("memory")), bytes(new Quantity(traits.at("/container/requestMemory").asText())));
        assertEquals(bytes(container.getResources().getLimits().get("memory")),
                bytes(new Quantity(traits.at("/container/limitMemory").asText())));

        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertEquals(pod.getSecurityContext().getRunAsUser().longValue(), traits.at("/container/runAsUser").asLong());
        assertTrue(traits.at("/container/runAsNonRoot").asBoolean());
        assertFalse(traits.at("/container/allowPrivilegeEscalation").asBoolean(true));
        assertEquals("[\"ALL\"]", traits.at("/container/capabilitiesDrop").toString());
        assertEquals("RuntimeDefault", traits.at("/container/seccompProfileType").asText());
        assertEquals("tmp:/tmp:" + pod.getVolumes().get(0).getEmptyDir().getSizeLimit().toString(),
                traits.at("/mount/emptyDirs/0").asText());

        JsonNode template = integration.at("/spec/template/spec");
        assertEquals(pod.getTerminationGracePeriodSeconds().longValue(), template.path("terminationGracePeriodSeconds").asLong());
        JsonNode integrationContainer = template.at("/containers/0");
        assertEquals("integration", integrationContainer.path("name").asText());
        assertTrue(integrationContainer.at("/securityContext/readOnlyRootFilesystem").asBoolean());
        assertEquals(container.getLifecycle().getPreStop().getExec().getCommand(),
                Manifests.JSON.convertValue(integrationContainer.at("/lifecycle/preStop/exec/command"), List.class));

        assertEquals(container.getStartupProbe().getPeriodSeconds().intValue(), traits.at("/health/startupPeriod").asInt());
        assertEquals(container.getLivenessProbe().getPeriodSeconds().intValue(), traits.at("/health/livenessPeriod").asInt());
        assertEquals(container.getReadinessProbe().getPeriodSeconds().intValue(), traits.at("/health/readinessPeriod").asInt());
        assertTrue(service.getMetadata().getLabels().entrySet().containsAll(
                Manifests.JSON.convertValue(traits.at("/service/labels"), Map.class).entrySet()));
    }

    @Test
    void camelKScalesLikeTheDeployment() {
        assertEquals("Integration", camelKScaledObject.at("/spec/scaleTargetRef/kind").asText());
        assertEquals(integration.at("/metadata/name").asText(), camelKScaledObject.at("/spec/scaleTargetRef/name").asText());
        ObjectNode deploymentSpec = deepCopy(scaledObject.get("spec"));
        ObjectNode camelKSpec = deepCopy(camelKScaledObject.get("spec"));
        deploymentSpec.remove("scaleTargetRef");
        camelKSpec.remove("scaleTargetRef");
        assertEquals(deploymentSpec, camelKSpec);
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private static JsonNode one(String dir, String kind) {
        List<Manifests.Document> found = documents.stream()
                .filter(d -> d.kind().equals(kind) && d.file().getParent().toString().equals(dir)).toList();
        if (found.size() != 1) {
            fail("expected one " + kind + " in " + dir + ": " + found);
        }
        return found.get(0).tree();
    }

    private static <T> T typed(JsonNode tree, Class<T> type) throws JsonProcessingException {
        return Manifests.JSON.treeToValue(tree, type);
    }

    private static ObjectNode deepCopy(JsonNode node) {
        return (ObjectNode) node.deepCopy();
    }

    private static BigDecimal bytes(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity);
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow().getValue();
    }

    /** The heap of these JVM options, which must fix it: -Xms as large as -Xmx (G1 shrinks it otherwise). */
    private static long heapMb(String javaOptions) {
        Matcher max = XMX.matcher(javaOptions);
        assertTrue(max.find(), "a fixed heap (-Xmx<n>m) in " + javaOptions);
        Matcher initial = XMS.matcher(javaOptions);
        assertTrue(initial.find() && initial.group(1).equals(max.group(1)), "-Xms as -Xmx in " + javaOptions);
        return Long.parseLong(max.group(1));
    }

    private static Properties applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    /** The numeric USER the container image finally runs as. */
    private static Long dockerfileUser() throws IOException {
        return Long.parseLong(Files.readAllLines(Path.of("src/main/docker/Dockerfile.jvm")).stream()
                .filter(l -> l.startsWith("USER ")).reduce((first, last) -> last).orElseThrow().substring(5).trim());
    }
}
