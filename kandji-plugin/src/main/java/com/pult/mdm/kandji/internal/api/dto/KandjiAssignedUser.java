package com.pult.mdm.kandji.internal.api.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.pult.mdm.kandji.internal.api.KandjiDataException;
import com.pult.mdm.kandji.internal.api.KandjiJson;
import java.util.Optional;

/**
 * The {@code user} of a device row or the {@code general.assigned_user} of details.
 *
 * @param email the email as sent, possibly blank
 * @param name the display name, possibly blank
 * @param id the user id as text: an integer before 2023, a UUID since
 * @param archived whether the directory archived the user
 */
public record KandjiAssignedUser(String email, String name, String id, boolean archived) {

    /**
     * Reads the user member of an object.
     *
     * @return empty when nobody is assigned: the member is absent, null, {@code ""} or {@code {}}
     * @throws KandjiDataException when the member is another string, a number, an array, or has a field of the
     *     wrong type
     */
    public static Optional<KandjiAssignedUser> read(JsonNode parent, String field) throws KandjiDataException {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull() || isEmpty(node)) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw new KandjiDataException("'" + field + "' is " + KandjiJson.typeOf(node) + ", expected an object.");
        }
        return Optional.of(new KandjiAssignedUser(
                KandjiJson.text(node, "email").strip(),
                KandjiJson.text(node, "name").strip(),
                KandjiJson.text(node, "id").strip(),
                KandjiJson.flag(node, "is_archived").orElse(false)));
    }

    private static boolean isEmpty(JsonNode node) {
        return (node.isTextual() && node.textValue().isBlank()) || (node.isObject() && node.isEmpty());
    }
}
