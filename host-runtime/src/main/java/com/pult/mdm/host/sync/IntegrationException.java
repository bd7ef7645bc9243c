package com.pult.mdm.host.sync;

import com.pult.mdm.spi.ValidationResult;
import java.util.List;

/**
 * An admin's request about an integration cannot be done. Nothing was written. The code is stable for programs;
 * the message and problems say what to do.
 */
public final class IntegrationException extends Exception {

    private final Code code;
    private final List<ValidationResult.Problem> problems;

    public IntegrationException(Code code, String message) {
        this(code, message, List.of());
    }

    public IntegrationException(Code code, String message, List<ValidationResult.Problem> problems) {
        super(message);
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public Code code() {
        return code;
    }

    /** The provider's reasons when validation failed; empty otherwise. */
    public List<ValidationResult.Problem> problems() {
        return problems;
    }

    /** Why a request failed. */
    public enum Code {
        NOT_FOUND,
        UNKNOWN_ORGANIZATION,
        PROVIDER_NOT_INSTALLED,
        PROVIDER_DISABLED,
        INVALID_FIELD,
        VALIDATION_FAILED,
        NOT_ALLOWED_IN_STATE,
        ALREADY_RUNNING,
        STORAGE
    }
}
