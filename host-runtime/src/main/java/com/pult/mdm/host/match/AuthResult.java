package com.pult.mdm.host.match;

import com.pult.mdm.host.store.Organization.AuthPolicy;
import com.pult.mdm.host.users.PultUser;
import java.util.List;
import java.util.Optional;

/**
 * How an enrolment was resolved.
 *
 * @param status approved, pending an admin's confirmation, or unmatched
 * @param user the matched user (pre-selected when pending)
 * @param policy the organization's policy that decided between approved and pending
 * @param traces the lookups made, in order: the serial, then the source IP when the serial found no device
 */
public record AuthResult(Status status, Optional<PultUser> user, AuthPolicy policy, List<UserMatch> traces) {

    /** The outcome of an enrolment. */
    public enum Status {
        /** Matched, and the organization approves matches without an admin. */
        APPROVED,
        /** Matched; an admin confirms the pre-selected user. */
        PENDING,
        /** No user found; {@link #reasons()} says why. */
        UNMATCHED
    }

    /** One sentence per lookup, for the admin. */
    public List<String> reasons() {
        return traces.stream().map(UserMatch::explanation).toList();
    }
}
