package com.pult.mdm.kandji.internal.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.pult.mdm.kandji.internal.api.KandjiDataException;
import com.pult.mdm.kandji.internal.api.KandjiJson;
import com.pult.mdm.kandji.internal.api.dto.KandjiAssignedUser;
import com.pult.mdm.kandji.internal.api.dto.KandjiDeviceDetails;
import com.pult.mdm.kandji.internal.api.dto.KandjiDeviceRow;
import com.pult.mdm.kandji.internal.api.dto.KandjiListingPage;
import com.pult.mdm.spi.AssignedUser;
import com.pult.mdm.spi.DeviceDetail;
import com.pult.mdm.spi.Email;
import com.pult.mdm.spi.MacAddress;
import com.pult.mdm.spi.MdmDevice;
import com.pult.mdm.spi.Normalization;
import com.pult.mdm.spi.RawRecord;
import com.pult.mdm.spi.RejectReason;
import com.pult.mdm.spi.SerialNumber;
import com.pult.mdm.spi.Timestamps;
import com.pult.mdm.spi.WifiIpBinding;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns Kandji's raw records into vendor-neutral devices and details. Pure: no I/O, no clock, no state; never
 * throws.
 */
public final class KandjiNormalizer {

    /** Normalizes a {@link RawRecord.Kind#DEVICE} or {@link RawRecord.Kind#DETAIL} record. */
    public Normalization normalize(RawRecord record) {
        try {
            return switch (record.kind()) {
                case DEVICE -> device(record);
                case DETAIL -> detail(record);
            };
        } catch (KandjiDataException e) {
            return malformed(record.deviceId(), e.getMessage());
        } catch (RuntimeException e) {
            // Normalize must never throw; a record that trips an unforeseen case is rejected like any bad one.
            return malformed(
                    record.deviceId(),
                    "The record cannot be read: " + e.getClass().getSimpleName() + ".");
        }
    }

    /**
     * Reads the WiFi IP of a {@link RawRecord.Kind#DETAIL} record, observed at the details' latest check-in.
     *
     * @return empty for other records, when no usable IP is reported, or when the details carry no check-in time
     */
    public Optional<WifiIpBinding> wifiIp(RawRecord record) {
        if (record.kind() != RawRecord.Kind.DETAIL) {
            return Optional.empty();
        }
        try {
            KandjiDeviceDetails details = KandjiDeviceDetails.parse(record.body());
            Optional<String> address = WifiIpBinding.canonicalAddress(details.ipAddress());
            Optional<Instant> observedAt = latest(details.checkIns());
            return address.flatMap(ip -> observedAt.map(at -> new WifiIpBinding(ip, at)));
        } catch (KandjiDataException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Normalization device(RawRecord record) throws KandjiDataException {
        JsonNode node = KandjiJson.parse(record.body());
        try {
            return device(KandjiDeviceRow.read(node));
        } catch (KandjiDataException e) {
            // The id the row carries names the device better than the one the fetch could read, if any.
            return malformed(KandjiListingPage.deviceId(node).orElse(record.deviceId()), e.getMessage());
        }
    }

    private Normalization device(KandjiDeviceRow row) throws KandjiDataException {
        Optional<Instant> lastCheckIn = timestamp("last_check_in", row.lastCheckIn());
        Optional<Normalization> rejected = checkQualifies(row);
        if (rejected.isPresent()) {
            return rejected.get();
        }
        KandjiAssignedUser user = row.user().orElseThrow();
        return new Normalization.Device(new MdmDevice(
                row.deviceId(),
                SerialNumber.parse(row.serialNumber()),
                Optional.empty(),
                new AssignedUser(Email.parse(user.email()), user.name(), user.archived(), user.id()),
                true,
                row.deviceName(),
                row.model(),
                row.osVersion(),
                KandjiPlatforms.of(row.platform()),
                lastCheckIn));
    }

    /** The reason the device is not kept, checked in the order an admin would fix them. */
    private static Optional<Normalization> checkQualifies(KandjiDeviceRow row) {
        String id = row.deviceId();
        if (row.user().isEmpty()) {
            return rejected(id, RejectReason.NO_ASSIGNED_USER, "Nobody is assigned to the device in Kandji.");
        }
        if (row.user().get().archived()) {
            return rejected(id, RejectReason.USER_ARCHIVED, "The device's user is archived in Kandji.");
        }
        // Every row seen since 2022 says mdm_enabled; a row without it is in the device list, so it is enrolled.
        if (!row.mdmEnabled().orElse(true)) {
            return rejected(id, RejectReason.MDM_DISABLED, "MDM is not enabled on the device.");
        }
        return checkEmail(id, row.user().get().email());
    }

    private static Optional<Normalization> checkEmail(String id, String email) {
        if (email.isBlank() || email.equalsIgnoreCase("null") || email.equalsIgnoreCase("none")) {
            return rejected(id, RejectReason.USER_EMAIL_INVALID, "The device's user has no email address in Kandji.");
        }
        try {
            Email.parse(email);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return rejected(
                    id, RejectReason.USER_EMAIL_INVALID, "The device's user has no usable email: " + e.getMessage());
        }
    }

    private Normalization detail(RawRecord record) throws KandjiDataException {
        KandjiDeviceDetails details = KandjiDeviceDetails.parse(record.body());
        String deviceId = details.deviceId().isBlank() ? record.deviceId() : details.deviceId();
        if (deviceId.isBlank()) {
            return malformed("", "The details carry no device id.");
        }
        Optional<MacAddress> mac;
        try {
            mac = MacAddress.parseUsable(details.macAddress());
        } catch (IllegalArgumentException e) {
            return malformed(deviceId, "The WiFi MAC cannot be read: " + e.getMessage());
        }
        return new Normalization.Detail(new DeviceDetail(deviceId, mac, latest(details.checkIns())));
    }

    private static Optional<Instant> latest(List<String> checkIns) throws KandjiDataException {
        Optional<Instant> latest = Optional.empty();
        for (String text : checkIns) {
            Optional<Instant> at = timestamp("last_check_in", text);
            if (at.isPresent() && (latest.isEmpty() || at.get().isAfter(latest.get()))) {
                latest = at;
            }
        }
        return latest;
    }

    private static Optional<Instant> timestamp(String field, String text) throws KandjiDataException {
        try {
            return Timestamps.parse(text);
        } catch (IllegalArgumentException e) {
            throw new KandjiDataException("'" + field + "' cannot be read: " + e.getMessage());
        }
    }

    private static Optional<Normalization> rejected(String deviceId, RejectReason reason, String message) {
        return Optional.of(new Normalization.Rejected(deviceId, reason, message));
    }

    private static Normalization malformed(String deviceId, String message) {
        return new Normalization.Rejected(deviceId, RejectReason.MALFORMED, message);
    }
}
