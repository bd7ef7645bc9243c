package com.pult.mdm.kandji.internal.api.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.pult.mdm.kandji.internal.api.KandjiDataException;
import com.pult.mdm.kandji.internal.api.KandjiJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One page of {@code GET /api/v1/devices}: the rows as Kandji sent them, each still unchecked.
 *
 * @param rows the rows in order; a row may be anything, normalize decides what it is worth
 */
public record KandjiListingPage(List<JsonNode> rows) {

    public KandjiListingPage {
        rows = List.copyOf(rows);
    }

    /**
     * Reads a listing body: a bare array (what Kandji sends) or a single object (what its documentation shows
     * for a serial-number query), taken as a page of one.
     *
     * @throws KandjiDataException when the body is not JSON, or neither an array nor an object
     */
    public static KandjiListingPage parse(String body) throws KandjiDataException {
        JsonNode root = KandjiJson.parse(body);
        if (root.isObject()) {
            return new KandjiListingPage(List.of(root));
        }
        if (!root.isArray()) {
            throw new KandjiDataException("The device list is " + KandjiJson.typeOf(root) + ", expected an array.");
        }
        List<JsonNode> rows = new ArrayList<>(root.size());
        root.forEach(rows::add);
        return new KandjiListingPage(rows);
    }

    /** The number of rows. */
    public int size() {
        return rows.size();
    }

    /** The {@code device_id} of a row when it is a non-blank string, else empty. */
    public static Optional<String> deviceId(JsonNode row) {
        JsonNode id = row.path("device_id");
        return id.isTextual() && !id.textValue().isBlank()
                ? Optional.of(id.textValue().strip())
                : Optional.empty();
    }
}
