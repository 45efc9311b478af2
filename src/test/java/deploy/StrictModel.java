package deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import io.fabric8.kubernetes.api.model.Quantity;

/**
 * What the fabric8 model accepts but the API server refuses. The model keeps any field it does not
 * know in {@code additionalProperties} instead of failing, so a misspelt field ({@code readOnlyRootFileSystem})
 * parses; this walk reports every such field, with its path, and every quantity that is not one.
 */
final class StrictModel {

    private StrictModel() {
    }

    static List<String> problems(Object model) {
        List<String> problems = new ArrayList<>();
        walk(model, "", problems);
        return problems;
    }

    private static void walk(Object node, String path, List<String> problems) {
        if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                walk(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> walk(value, path + "." + key, problems));
            return;
        }
        if (node == null || !node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        if (node instanceof Quantity quantity) {
            try {
                Quantity.getAmountInBytes(quantity);
            } catch (IllegalArgumentException | ArithmeticException e) {
                problems.add(path + ": not a quantity: " + quantity);
            }
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = invoke(getter, node);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + unknown.keySet());
                }
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            walk(value, path + "." + field, problems);
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter + " on " + target, e);
        }
    }
}
