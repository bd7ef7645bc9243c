package com.pult.mdm.spi;

/**
 * The vendor rejected the credentials or the token lacks a permission. Not retryable: the host counts it
 * toward pausing the integration and makes no further request in this run.
 */
public final class AuthenticationException extends MdmException {

    private final String permission;

    /**
     * @param message what was refused and what the admin should check
     * @param permission the vendor's name of the permission the refused request needs, or blank
     */
    public AuthenticationException(String message, String permission) {
        super(message, null);
        this.permission = permission == null ? "" : permission;
    }

    /** The vendor's name of the permission the refused request needs, or blank when unknown. */
    public String permission() {
        return permission;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
