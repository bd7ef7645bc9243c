package com.pult.mdm.it.sim;

/** Kandji API token permissions (per-endpoint checkboxes in Settings → Access) that the simulator enforces. */
public enum Permission {
    /** {@code GET /api/v1/devices}. */
    DEVICE_LIST,
    /** {@code GET /api/v1/devices/{device_id}}. */
    DEVICE_ID,
    /** {@code GET /api/v1/devices/{device_id}/details}. */
    DEVICE_DETAILS
}
