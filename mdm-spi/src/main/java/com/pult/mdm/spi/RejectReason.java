package com.pult.mdm.spi;

/** Why a record was not kept. Pult syncs only devices with an assigned, non-archived user and MDM enabled. */
public enum RejectReason {
    /** Nobody is assigned to the device. */
    NO_ASSIGNED_USER,
    /** The assigned user is archived in the vendor's directory. */
    USER_ARCHIVED,
    /** The device is not (or no longer) MDM-managed. */
    MDM_DISABLED,
    /** The assigned user has no usable email address, so the device cannot resolve to a person. */
    USER_EMAIL_INVALID,
    /** The record lacks a device id or a required field has a value that cannot be read. */
    MALFORMED
}
