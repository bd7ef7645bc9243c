package com.pult.mdm.host.manual;

import com.pult.mdm.host.store.StoredDevice;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of an organization's manual device list: a MAC an admin says belongs to a person. It takes part in WiFi
 * matching only (it has no serial). A private (randomized) MAC listed here is that person's explicit alias, the only
 * way such an address is matched by MAC.
 *
 * @param orgId the organization
 * @param email the person's email as the admin wrote it
 * @param mac the canonical MAC
 * @param line the line of the saved list it came from
 * @param savedAt when the list was saved
 */
public record ManualDevice(String orgId, String email, String mac, int line, Instant savedAt) {

    /** The integration id manual devices carry in the match index. */
    public static final String INTEGRATION_ID = "manual";

    public ManualDevice {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(savedAt, "savedAt");
    }

    /** The device as the match index sees it: integration {@code manual}, id {@code manual:<mac>}, no serial. */
    public StoredDevice toStoredDevice() {
        return new StoredDevice(
                INTEGRATION_ID,
                orgId,
                INTEGRATION_ID + ":" + mac,
                Optional.empty(),
                Optional.of(mac),
                List.of(),
                email,
                "",
                "Manual device " + mac,
                "",
                "",
                "OTHER",
                Optional.empty(),
                savedAt,
                0,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
