package com.pult.mdm.host.match;

import static com.pult.mdm.host.match.HostFixture.NOW;
import static com.pult.mdm.host.match.HostFixture.ORG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.host.store.Organization.AuthPolicy;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceAuthenticationTest extends HostFixtureBase {

    @BeforeEach
    void open() throws Exception {
        host.users("ana.lima@example.com");
        host.device("d1")
                .serial("FAKESN00080")
                .ip("192.0.2.40", NOW.minus(Duration.ofHours(1)))
                .email("ana.lima@example.com")
                .save();
    }

    private AuthResult enroll(String serial, String sourceIp) throws Exception {
        return host.authentication.authenticate(ORG, new AuthRequest(serial, "Anas-MacBook", "ana", sourceIp));
    }

    @Test
    void aSerialMatchIsApprovedWhenThePolicyIsAutoApprove() throws Exception {
        AuthResult result = enroll("FAKESN00080", "198.51.100.7");

        assertEquals(AuthResult.Status.APPROVED, result.status());
        assertEquals("ana.lima@example.com", result.user().orElseThrow().email());
        assertEquals(1, result.traces().size());
    }

    @Test
    void aSerialMatchIsPendingWithTheUserPreselectedWhenThePolicyIsPreselect() throws Exception {
        host.organization(ZoneId.of("America/Chicago"), AuthPolicy.PRESELECT);

        AuthResult result = enroll("FAKESN00080", null);

        assertEquals(AuthResult.Status.PENDING, result.status());
        assertEquals(AuthPolicy.PRESELECT, result.policy());
        assertEquals("ana.lima@example.com", result.user().orElseThrow().email());
    }

    @Test
    void withoutASerialMatchTheSourceIpsFreshWifiBindingDecides() throws Exception {
        AuthResult result = enroll("UNKNOWNSN", "192.0.2.40");

        assertEquals(AuthResult.Status.APPROVED, result.status());
        assertEquals(MatchReason.UNKNOWN_SERIAL, result.traces().get(0).reason());
        assertEquals(LookupKind.IP, result.traces().get(1).kind());
    }

    @Test
    void aStaleIpBindingLeavesTheEnrolmentUnmatchedWithEveryReason() throws Exception {
        host.clock.set(NOW.plus(Duration.ofHours(12)));

        AuthResult result = enroll("Not Available", "192.0.2.40");

        assertEquals(AuthResult.Status.UNMATCHED, result.status());
        assertEquals(MatchReason.INVALID_INPUT, result.traces().get(0).reason());
        assertEquals(MatchReason.IP_BINDING_STALE, result.traces().get(1).reason());
        assertEquals(2, result.reasons().size());
    }

    @Test
    void aSerialOfADeviceWhoseEmailIsNoUserIsNotSecondGuessedByTheIp() throws Exception {
        host.device("d2").serial("FAKESN00081").email("gone.user@example.com").save();

        AuthResult result = enroll("FAKESN00081", "192.0.2.40");

        assertEquals(AuthResult.Status.UNMATCHED, result.status());
        assertEquals(1, result.traces().size());
        assertEquals(MatchReason.EMAIL_NOT_A_USER, result.traces().get(0).reason());
    }

    @Test
    void theHostnameAndOsUsernameNeverPickAUser() throws Exception {
        AuthResult result =
                host.authentication.authenticate(ORG, new AuthRequest(null, "ana.lima", "ana.lima@example.com", null));

        assertEquals(AuthResult.Status.UNMATCHED, result.status());
        assertTrue(result.user().isEmpty());
    }
}
