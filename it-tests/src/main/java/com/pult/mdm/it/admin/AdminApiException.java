package com.pult.mdm.it.admin;

import java.io.IOException;

/** The admin API could not be reached or answered something its caller cannot go on from; one line for people. */
public final class AdminApiException extends IOException {

    private static final long serialVersionUID = 1L;

    public AdminApiException(String message) {
        super(message);
    }
}
