package com.pult.mdm.host.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON object from a request, read field by field: each reader checks presence, type and length, and a failure
 * names the field. {@link #allowOnly} refuses fields the route does not know, so a typo is not silently ignored.
 */
final class Input {

    private final JsonNode node;

    Input(JsonNode node) {
        this.node = node;
    }

    JsonNode node() {
        return node;
    }

    /** Refuses any field not in {@code known}. */
    Input allowOnly(Set<String> known) throws ApiProblem {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw ApiProblem.invalidField(
                        name,
                        "Unknown field '" + name + "'; this request takes " + String.join(", ", sorted(known)) + ".");
            }
        }
        return this;
    }

    String requiredText(String field, int maxLength) throws ApiProblem {
        return optionalText(field, maxLength)
                .filter(text -> !text.isBlank())
                .orElseThrow(() -> ApiProblem.invalidField(field, "'" + field + "' is required."));
    }

    Optional<String> optionalText(String field, int maxLength) throws ApiProblem {
        return text(node, field, field, maxLength);
    }

    Optional<Boolean> optionalBoolean(String field) throws ApiProblem {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw ApiProblem.invalidField(field, "'" + field + "' must be true or false.");
        }
        return Optional.of(value.booleanValue());
    }

    Optional<Integer> optionalInt(String field, int min, int max) throws ApiProblem {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            throw ApiProblem.invalidField(
                    field, "'" + field + "' must be a whole number from " + min + " to " + max + ".");
        }
        return Optional.of(value.intValue());
    }

    /** An object of string values, such as credential fields; empty when absent. */
    Map<String, String> textMap(String field, int maxEntries, int maxLength) throws ApiProblem {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject() || value.size() > maxEntries) {
            throw ApiProblem.invalidField(
                    field, "'" + field + "' must be an object of at most " + maxEntries + " text values.");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            String name = field + "." + entry.getKey();
            texts.put(
                    entry.getKey(), text(value, entry.getKey(), name, maxLength).orElse(""));
        }
        return texts;
    }

    /** An array field that must be present, with at most {@code maxItems} items. */
    JsonNode requiredArray(String field, int maxItems) throws ApiProblem {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw ApiProblem.invalidField(field, "'" + field + "' is required and must be an array.");
        }
        if (value.size() > maxItems) {
            throw ApiProblem.invalidField(field, "'" + field + "' holds at most " + maxItems + " items.");
        }
        return value;
    }

    /** A text member of {@code parent}; {@code name} is how the field is called in the problem. */
    static Optional<String> text(JsonNode parent, String member, String name, int maxLength) throws ApiProblem {
        JsonNode value = parent.get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiProblem.invalidField(name, "'" + name + "' must be text.");
        }
        if (value.textValue().length() > maxLength) {
            throw ApiProblem.invalidField(name, "'" + name + "' has at most " + maxLength + " characters.");
        }
        return Optional.of(value.textValue());
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
