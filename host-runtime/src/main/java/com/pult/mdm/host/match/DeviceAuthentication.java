package com.pult.mdm.host.match;

import com.pult.mdm.host.store.Organization;
import com.pult.mdm.host.store.OrganizationStore;
import com.pult.mdm.host.store.StoreException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a desktop agent's enrolment to a Pult user from the local index, never by asking an MDM live: by serial
 * first, and when the serial finds no active device, by the source IP's fresh WiFi IP binding. The organization's
 * policy decides whether a match is approved at once or pre-selected for an admin.
 */
public final class DeviceAuthentication {

    private final MatchService matches;
    private final OrganizationStore organizations;
    private final Clock clock;

    public DeviceAuthentication(MatchService matches, OrganizationStore organizations, Clock clock) {
        this.matches = matches;
        this.organizations = organizations;
        this.clock = clock;
    }

    /**
     * Resolves one enrolment.
     *
     * @throws IllegalArgumentException when the organization does not exist
     * @throws StoreException when the index or the users cannot be read
     */
    public AuthResult authenticate(String orgId, AuthRequest request) throws StoreException {
        Organization organization = organizations
                .find(orgId)
                .orElseThrow(() -> new IllegalArgumentException("No organization '" + orgId + "'."));
        MatchSnapshot snapshot = matches.snapshot(orgId);
        UserMatch bySerial = snapshot.bySerial(request.serial());
        // A serial that found an active device is the device's identity; an IP must not second-guess its owner.
        if (bySerial.resolved() || identifiedDevice(bySerial)) {
            return decide(organization, List.of(bySerial));
        }
        UserMatch byIp = snapshot.byIp(request.sourceIp(), clock.instant());
        return decide(organization, List.of(bySerial, byIp));
    }

    private static boolean identifiedDevice(UserMatch match) {
        return match.reason() == MatchReason.NO_ASSIGNED_USER || match.reason() == MatchReason.EMAIL_NOT_A_USER;
    }

    private static AuthResult decide(Organization organization, List<UserMatch> traces) {
        UserMatch last = traces.get(traces.size() - 1);
        if (!last.resolved()) {
            return new AuthResult(AuthResult.Status.UNMATCHED, Optional.empty(), organization.authPolicy(), traces);
        }
        AuthResult.Status status = organization.authPolicy() == Organization.AuthPolicy.AUTO_APPROVE
                ? AuthResult.Status.APPROVED
                : AuthResult.Status.PENDING;
        return new AuthResult(status, last.user(), organization.authPolicy(), traces);
    }
}
