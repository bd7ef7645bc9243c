package com.pult.mdm.kandji.internal.api.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.pult.mdm.kandji.internal.api.KandjiDataException;
import com.pult.mdm.kandji.internal.api.KandjiJson;
import java.util.Optional;

/**
 * A row of {@code GET /api/v1/devices} or the answer of {@code GET /api/v1/devices/{id}}: the fields the
 * inventory needs, as text, not yet interpreted. Unknown fields are ignored.
 *
 * @param deviceId the device id, non-blank
 * @param serialNumber the serial as sent, possibly blank or a placeholder
 * @param user the assigned user, or empty when nobody is assigned
 * @param mdmEnabled whether MDM is enabled, or empty when the row does not say
 * @param deviceName the name exactly as sent
 * @param model the model's marketing name
 * @param osVersion the OS version
 * @param platform Kandji's platform word, such as {@code Mac} or {@code AppleTV}
 * @param lastCheckIn the last check-in as sent, {@code ""} meaning never
 */
public record KandjiDeviceRow(
        String deviceId,
        String serialNumber,
        Optional<KandjiAssignedUser> user,
        Optional<Boolean> mdmEnabled,
        String deviceName,
        String model,
        String osVersion,
        String platform,
        String lastCheckIn) {

    /**
     * Reads one row.
     *
     * @throws KandjiDataException when the row is not an object, has no device id, or has a field of the wrong
     *     type
     */
    public static KandjiDeviceRow read(JsonNode row) throws KandjiDataException {
        if (!row.isObject()) {
            throw new KandjiDataException("The device is " + KandjiJson.typeOf(row) + ", expected an object.");
        }
        String deviceId = KandjiListingPage.deviceId(row)
                .orElseThrow(() -> new KandjiDataException("The device has no 'device_id'."));
        return new KandjiDeviceRow(
                deviceId,
                KandjiJson.text(row, "serial_number"),
                KandjiAssignedUser.read(row, "user"),
                KandjiJson.flag(row, "mdm_enabled"),
                KandjiJson.text(row, "device_name"),
                KandjiJson.text(row, "model").strip(),
                KandjiJson.text(row, "os_version").strip(),
                KandjiJson.text(row, "platform").strip(),
                KandjiJson.text(row, "last_check_in"));
    }
}
