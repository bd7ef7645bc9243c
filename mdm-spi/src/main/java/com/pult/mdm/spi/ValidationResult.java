package com.pult.mdm.spi;

import java.util.List;

/**
 * The outcome of {@link MdmProvider#validate()}: every problem found, each with a reason a person can act on.
 *
 * @param problems empty when the credentials are good for a sync
 */
public record ValidationResult(List<Problem> problems) {

    public ValidationResult {
        problems = List.copyOf(problems);
    }

    /** A result without problems. */
    public static ValidationResult ok() {
        return new ValidationResult(List.of());
    }

    /** Whether a sync can run with these credentials. */
    public boolean isOk() {
        return problems.isEmpty();
    }

    /** Why a validation failed. */
    public enum Code {
        /** A field is missing or malformed; the problem names it and what a valid value looks like. */
        INVALID_FIELD,
        /** The URL is not one of the vendor's API URLs; the message says what a valid one looks like. */
        INVALID_URL,
        /** The host did not answer (DNS, connection, TLS or timeout). */
        UNREACHABLE,
        /** The vendor rejected the token, or the token lacks the permission named in the problem. */
        PERMISSION_MISSING,
        /** The vendor refused for rate limits; try again later. */
        RATE_LIMITED,
        /** The vendor answered in a way the provider does not understand. */
        VENDOR_ERROR
    }

    /**
     * One problem.
     *
     * @param code the kind of problem, stable for programs
     * @param field the {@link CredentialField#name()} to correct, or empty when no single field is at fault
     * @param permission the vendor's name of the missing permission, or empty
     * @param message what is wrong and what to do, for a person; never contains a secret
     */
    public record Problem(Code code, String field, String permission, String message) {

        public Problem {
            field = field == null ? "" : field;
            permission = permission == null ? "" : permission;
        }
    }
}
