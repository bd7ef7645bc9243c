package com.pult.mdm.it.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The one shared Jackson mapper plus the few helpers the simulator needs around it. */
public final class Json {
    /** Thread-safe once configured; shared so Jackson's serializer caches stay warm under load. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String SAMPLES = "kandji-samples/";

    private Json() {}

    /** A new empty object node. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Serializes a node to UTF-8 bytes. */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a tree node", e);
        }
    }

    /** Parses UTF-8 JSON bytes; an empty body becomes an empty object so control calls may omit it. */
    public static JsonNode parse(byte[] body) throws IOException {
        if (body.length == 0) {
            return object();
        }
        return MAPPER.readTree(body);
    }

    /**
     * Loads one of the bundled Kandji sample files (copied from the shared research folder into
     * {@code src/main/resources/kandji-samples}), e.g. {@code official-docs/device_details_mac.json}.
     */
    public static JsonNode sample(String relativePath) {
        String resource = SAMPLES + relativePath;
        try (InputStream in = Json.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled sample " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled sample " + resource, e);
        }
    }
}
