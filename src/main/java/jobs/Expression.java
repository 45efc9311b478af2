package jobs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * One conditional {@code UpdateItem}, written with attribute names rather than placeholders: every name
 * goes through {@code #name} (many, such as status, name and key, are DynamoDB reserved words) and every
 * value through {@code :vN}.
 */
final class Expression {

    private final List<String> set = new ArrayList<>();
    private final List<String> add = new ArrayList<>();
    private final List<String> delete = new ArrayList<>();
    private final List<String> remove = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();

    /** {@code #a.#b} for the path {@code a.b}. */
    String name(String path) {
        StringBuilder out = new StringBuilder();
        for (String part : path.split("\\.")) {
            names.put("#" + part, part);
            out.append(out.isEmpty() ? "" : ".").append('#').append(part);
        }
        return out.toString();
    }

    String value(AttributeValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    Expression set(String attribute, AttributeValue value) {
        set.add(name(attribute) + " = " + value(value));
        return this;
    }

    /** Adds to a number, or adds elements to a set. */
    Expression add(String attribute, AttributeValue value) {
        add.add(name(attribute) + " " + value(value));
        return this;
    }

    /** Takes elements out of a set. */
    Expression delete(String attribute, AttributeValue value) {
        delete.add(name(attribute) + " " + value(value));
        return this;
    }

    Expression remove(String attribute) {
        remove.add(name(attribute));
        return this;
    }

    UpdateItemRequest.Builder request(String table, Map<String, AttributeValue> key, String condition) {
        StringBuilder update = new StringBuilder();
        clause(update, "SET", set);
        clause(update, "ADD", add);
        clause(update, "DELETE", delete);
        clause(update, "REMOVE", remove);
        UpdateItemRequest.Builder request = UpdateItemRequest.builder().tableName(table).key(key)
                .updateExpression(update.toString().trim()).expressionAttributeNames(names);
        if (condition != null) {
            request.conditionExpression(condition);
        }
        if (!values.isEmpty()) {
            request.expressionAttributeValues(values);
        }
        return request;
    }

    private static void clause(StringBuilder out, String keyword, List<String> parts) {
        if (!parts.isEmpty()) {
            out.append(keyword).append(' ').append(String.join(", ", parts)).append(' ');
        }
    }
}
