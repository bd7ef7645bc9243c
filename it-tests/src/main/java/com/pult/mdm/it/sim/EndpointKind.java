package com.pult.mdm.it.sim;

import java.util.Locale;

/** The API endpoints the simulator serves, for counters, permissions and per-endpoint faults. */
public enum EndpointKind {
    LIST(Permission.DEVICE_LIST),
    GET(Permission.DEVICE_ID),
    DETAILS(Permission.DEVICE_DETAILS),
    /** Anything else under {@code /api/}: answered 404 or 405. */
    OTHER(null);

    private final Permission permission;

    EndpointKind(Permission permission) {
        this.permission = permission;
    }

    /** The permission a token needs, or null when none applies. */
    public Permission permission() {
        return permission;
    }

    /** Parses {@code list}, {@code get}, {@code details} (any case). */
    public static EndpointKind parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    /** The lower-case name used in control JSON. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
