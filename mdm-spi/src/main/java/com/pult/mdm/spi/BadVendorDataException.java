package com.pult.mdm.spi;

/**
 * The vendor's answers cannot be trusted as a whole: a page that repeats the previous one, a listing that is not
 * the documented shape. The run is incomplete; retrying may help if the vendor's fault passes.
 */
public final class BadVendorDataException extends MdmException {

    public BadVendorDataException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
