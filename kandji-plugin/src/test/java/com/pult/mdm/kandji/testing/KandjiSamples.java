package com.pult.mdm.kandji.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the Kandji samples copied from the shared folder into {@code src/test/resources/kandji-samples}. */
public final class KandjiSamples {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KandjiSamples() {}

    /** A sample file's text, such as {@code official-docs/list_devices_mac.json}. */
    public static String text(String path) {
        try (InputStream in = KandjiSamples.class.getResourceAsStream("/kandji-samples/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sample parsed as a tree. */
    public static JsonNode tree(String path) {
        try {
            return MAPPER.readTree(text(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The response body of a recorded HAR entry in {@code recorded-live/}, as JSON text. */
    public static String recordedBody(String path) {
        return tree(path).path("response").path("body").toString();
    }

    /** One member of a fixture file keyed by request path, such as the Mondoo fixtures, as JSON text. */
    public static String member(String path, String key) {
        return tree(path).path(key).toString();
    }
}
