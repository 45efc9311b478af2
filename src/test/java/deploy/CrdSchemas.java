package deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The custom resources' schemas kept in {@code k8s/schemas} (see its README), by apiVersion and kind,
 * made strict: every object schema that lists its properties and does not preserve unknown fields gets
 * {@code additionalProperties: false}, so an unknown field fails as with {@code kubectl apply}'s strict
 * field validation. CRD schemas are OpenAPI 3 subsets of JSON Schema draft 4.
 */
final class CrdSchemas {

    private static final Map<String, String> FILES = Map.of(
            "keda.sh/v1alpha1 ScaledObject", "keda.sh_v1alpha1_scaledobject.json",
            "keda.sh/v1alpha1 TriggerAuthentication", "keda.sh_v1alpha1_triggerauthentication.json",
            "monitoring.coreos.com/v1 ServiceMonitor", "monitoring.coreos.com_v1_servicemonitor.json",
            "camel.apache.org/v1 Integration", "camel.apache.org_v1_integration.json");

    /**
     * Draft 4 plus the Kubernetes extensions as annotations: they describe how the API server merges and
     * prunes (list and map types, CEL rules it evaluates itself), not the shape a document must have.
     */
    private static final JsonMetaSchema KUBERNETES = JsonMetaSchema.builder("https://kubernetes.io/crd-schema",
                    JsonMetaSchema.getV4())
            .keywords(Stream.of("x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string",
                    "x-kubernetes-embedded-resource", "x-kubernetes-list-type", "x-kubernetes-list-map-keys",
                    "x-kubernetes-map-type", "x-kubernetes-validations", "nullable")
                    .map(NonValidationKeyword::new).toList())
            .build();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.builder(
                    JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4))
            .metaSchema(KUBERNETES).defaultMetaSchemaIri(KUBERNETES.getIri()).build();

    private CrdSchemas() {
    }

    static Optional<JsonSchema> of(String apiVersion, String kind) {
        return Optional.ofNullable(FILES.get(apiVersion + " " + kind)).map(file -> {
            ObjectNode schema = Manifests.readJson(Manifests.ROOT.resolve("schemas").resolve(file));
            strict(schema);
            return FACTORY.getSchema(schema);
        });
    }

    static List<String> problems(JsonSchema schema, JsonNode document) {
        Set<ValidationMessage> messages = schema.validate(document);
        return messages.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.toList());
    }

    /** Walks schema positions only (properties' values, items, additionalProperties, the combinators). */
    static void strict(JsonNode node) {
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        JsonNode properties = schema.get("properties");
        if (properties != null && properties.isObject()) {
            properties.forEach(CrdSchemas::strict);
            if (!schema.path("x-kubernetes-preserve-unknown-fields").asBoolean() && !schema.has("additionalProperties")) {
                schema.set("additionalProperties", BooleanNode.FALSE);
            }
        }
        strict(schema.get("items"));
        strict(schema.get("additionalProperties"));
        strict(schema.get("not"));
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            JsonNode list = schema.get(combinator);
            if (list != null && list.isArray()) {
                list.forEach(CrdSchemas::strict);
            }
        }
    }
}
