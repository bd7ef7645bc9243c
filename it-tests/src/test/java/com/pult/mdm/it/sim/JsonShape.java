package com.pult.mdm.it.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/** The structure of a JSON tree (path → node type) so simulator bodies can be compared with the samples. */
final class JsonShape {
    private JsonShape() {}

    /**
     * Every path with its node type; arrays contribute their first element as {@code path[]}. The element of
     * {@code tags} is left out because a device may or may not have tags in either body.
     */
    static Map<String, String> of(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        walk("$", node, out);
        return out;
    }

    private static void walk(String path, JsonNode node, Map<String, String> out) {
        out.put(path, node.getNodeType().name());
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                walk(path + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray() && !node.isEmpty() && !path.equals("$.tags")) {
            walk(path + "[]", node.get(0), out);
        }
    }
}
