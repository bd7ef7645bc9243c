package com.pult.mdm.host.match;

/** Why a lookup matched a device or did not. Stable codes for programs; each trace carries a sentence too. */
public enum MatchReason {
    MATCHED,
    /** The input is not a serial, MAC or IP address; nothing was looked up. */
    INVALID_INPUT,
    UNKNOWN_SERIAL,
    UNKNOWN_MAC,
    /** A locally administered (private, randomized) MAC: it cannot identify a device and is never matched. */
    RANDOMIZED_MAC,
    /** Several devices report this MAC; none is chosen. */
    AMBIGUOUS_MAC,
    /** The device that had this key is gone from its MDM (absent from two complete listings). */
    DEVICE_GONE,
    UNKNOWN_IP,
    /** The IP binding is older than the freshness window: DHCP may have given the address to someone else. */
    IP_BINDING_STALE,
    /** The device matched but its MDM names no user (empty or missing email): it belongs to nobody. */
    NO_ASSIGNED_USER,
    /** The device matched but its email is no Pult user's email or alias (compared exactly, ignoring case). */
    EMAIL_NOT_A_USER
}
