package org.nnx.saved;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnx.spi.Arguments;
import org.nnx.spi.ComponentCall;

/**
 * Component calls as JSON, so a saved model can be rebuilt without reading its {@code .nnx} text again:
 * {@code {"name": "dense", "arguments": {"units": 50, "init": {"name": "gaussian", "arguments": {…}}}}}. An
 * argument keeps its type: whole numbers are {@link Long}, other numbers {@link Double} (written with a point),
 * and a component is an object.
 */
final class ComponentCalls {
    private ComponentCalls() {}

    static String write(List<ComponentCall> calls) {
        return Json.write(calls.stream().map(ComponentCalls::toJson).toList());
    }

    static String write(ComponentCall call) {
        return Json.write(toJson(call));
    }

    static List<ComponentCall> readList(String json) {
        if (!(Json.parse(json) instanceof List<?> list)) {
            throw new IllegalArgumentException("not a list of components");
        }
        List<ComponentCall> calls = new ArrayList<>();
        for (Object item : list) {
            calls.add(fromJson(item));
        }
        return calls;
    }

    static ComponentCall read(String json) {
        return fromJson(Json.parse(json));
    }

    private static Map<String, Object> toJson(ComponentCall call) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        call.arguments()
                .asMap()
                .forEach((name, value) ->
                        arguments.put(name, value instanceof ComponentCall component ? toJson(component) : value));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", call.name());
        json.put("arguments", arguments);
        return json;
    }

    private static ComponentCall fromJson(Object json) {
        if (!(json instanceof Map<?, ?> map)
                || !(map.get("name") instanceof String name)
                || !(map.get("arguments") instanceof Map<?, ?> arguments)) {
            throw new IllegalArgumentException("not a component: " + Json.write(json));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : arguments.entrySet()) {
            Object value = entry.getValue();
            values.put((String) entry.getKey(), value instanceof Map<?, ?> ? fromJson(value) : value);
        }
        return new ComponentCall(name, new Arguments(values));
    }
}
