package com.pult.mdm.kandji.internal.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Locale;
import java.util.Optional;

/**
 * Lenient reading of Kandji's JSON, which mixes types for the same field across endpoints and years (booleans as
 * {@code "True"}, ids as numbers or UUIDs, {@code ""} or {@code null} for "none").
 *
 * <p>Only Jackson's tree model is used, so no module and no ServiceLoader discovery is involved. Buffers are
 * recycled in a pool owned by this mapper rather than in thread-locals, so host threads that call
 * {@code normalize} keep no reference into the plugin after it is removed.
 */
public final class KandjiJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .recyclerPool(JsonRecyclerPools.newConcurrentDequePool())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private KandjiJson() {}

    /**
     * Parses a whole body.
     *
     * @throws KandjiDataException when the text is empty or not one JSON value
     */
    public static JsonNode parse(String text) throws KandjiDataException {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new KandjiDataException("The body is empty.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new KandjiDataException(
                    "The body is not JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ").");
        }
    }

    /** The JSON text of a node. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A tree that was just parsed can always be written.
            throw new IllegalStateException("Cannot write a parsed JSON tree", e);
        }
    }

    /**
     * A member that holds an object, such as a details section.
     *
     * @return the object, or a missing node when the member is absent, null, {@code ""} or not an object
     */
    public static JsonNode section(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        return node.isObject() ? node : MissingNode.getInstance();
    }

    /**
     * A member read as text: strings as they are, numbers and booleans as their JSON text.
     *
     * @return the text, or blank when the member is absent or null
     * @throws KandjiDataException when the member is an object or an array
     */
    public static String text(JsonNode parent, String field) throws KandjiDataException {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isContainerNode()) {
            throw new KandjiDataException("'" + field + "' is " + typeOf(node) + ", expected text.");
        }
        return node.asText();
    }

    /**
     * A member read as a boolean: JSON booleans, and the strings {@code "True"}/{@code "False"} that Kandji's
     * details endpoint sends (any case).
     *
     * @return the value, or empty when the member is absent, null or {@code ""}
     * @throws KandjiDataException when the member is anything else
     */
    public static Optional<Boolean> flag(JsonNode parent, String field) throws KandjiDataException {
        JsonNode node = parent.path(field);
        if (node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        if (node.isMissingNode()
                || node.isNull()
                || (node.isTextual() && node.textValue().isBlank())) {
            return Optional.empty();
        }
        String text = node.isTextual() ? node.textValue().strip().toLowerCase(Locale.ROOT) : "";
        if (text.equals("true") || text.equals("false")) {
            return Optional.of(text.equals("true"));
        }
        throw new KandjiDataException("'" + field + "' is " + typeOf(node) + ", expected true or false.");
    }

    /** A short name of a node's type for messages; never the value, which may be personal data. */
    public static String typeOf(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case BINARY -> "binary";
            case MISSING -> "missing";
        };
    }
}
