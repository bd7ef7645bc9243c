package com.pult.mdm.spi;

/** The host cancelled the run (shutdown, plugin removal, an admin's request). Nothing is committed. */
public final class SyncCancelledException extends MdmException {

    public SyncCancelledException(String message) {
        super(message, null);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
