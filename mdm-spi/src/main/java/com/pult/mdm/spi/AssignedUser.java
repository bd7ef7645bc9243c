package com.pult.mdm.spi;

import java.util.Objects;

/**
 * The person a device is assigned to in the MDM.
 *
 * @param email the user's email, the key that resolves the device to a Pult user
 * @param name the display name, or blank
 * @param archived whether the vendor's directory has archived the user
 * @param vendorUserId the vendor's id of the user (an integer or a UUID, as text), or blank
 */
public record AssignedUser(Email email, String name, boolean archived, String vendorUserId) {

    public AssignedUser {
        Objects.requireNonNull(email, "email");
        name = name == null ? "" : name;
        vendorUserId = vendorUserId == null ? "" : vendorUserId;
    }
}
