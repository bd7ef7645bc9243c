package com.pult.mdm.it.demo;

import java.io.IOException;

/** The admin API could not be reached or answered something the demo cannot go on from; one line for people. */
final class AdminApiException extends IOException {

    private static final long serialVersionUID = 1L;

    AdminApiException(String message) {
        super(message);
    }
}
