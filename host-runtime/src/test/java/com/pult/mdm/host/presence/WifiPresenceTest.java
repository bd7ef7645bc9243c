package com.pult.mdm.host.presence;

import static com.pult.mdm.host.match.HostFixture.NOW;
import static com.pult.mdm.host.match.HostFixture.ORG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.host.match.HostFixture;
import com.pult.mdm.host.match.HostFixtureBase;
import com.pult.mdm.host.match.LookupKind;
import com.pult.mdm.host.match.MatchReason;
import com.pult.mdm.host.store.Organization;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WifiPresenceTest extends HostFixtureBase {

    private static final LocalDate DAY = LocalDate.of(2024, 7, 8);

    private String ana;

    @BeforeEach
    void open() throws Exception {
        host.users("ana.lima@example.com", "cy.diaz@example.com");
        ana = host.user("ana.lima@example.com").id();
        host.device("d1")
                .serial("FAKESN00030")
                .wifiMac("00:00:5e:00:53:30")
                .email("ana.lima@example.com")
                .save();
    }

    private static WifiObservation seen(String mac, String at) {
        return new WifiObservation(mac, null, "Office", "AP-1", at, null);
    }

    private BatchResult record(WifiObservation... observations) throws Exception {
        return host.presence.record(ORG, WifiBatch.of(List.of(observations)));
    }

    private List<PresenceDay> days(String userId) throws Exception {
        return host.presence.presence(ORG, userId, DAY.minusDays(1), DAY.plusDays(1));
    }

    @Test
    void aClientIsAttributedByMacAndItsUsersDayIsRecorded() throws Exception {
        BatchResult result = record(seen("00:00:5E:00:53:30", "2024-07-08T14:00:00Z"));

        assertEquals(1, result.accepted());
        assertEquals(1, result.attributed());
        assertEquals(LookupKind.MAC, result.attributions().get(0).via());
        assertEquals(Instant.parse("2024-07-08T14:00:00Z"), days(ana).get(0).firstSeen());
    }

    @Test
    void repeatedSightingsWidenTheDaysWindow() throws Exception {
        record(seen("00:00:5e:00:53:30", "2024-07-08T14:00:00Z"));
        record(seen("00:00:5e:00:53:30", "2024-07-08T13:00:00Z"), seen("00:00:5e:00:53:30", "2024-07-08T14:30:00Z"));
        record(seen("00:00:5e:00:53:30", "2024-07-08T14:10:00Z"));

        PresenceDay day = days(ana).get(0);
        assertEquals(Instant.parse("2024-07-08T13:00:00Z"), day.firstSeen());
        assertEquals(Instant.parse("2024-07-08T14:30:00Z"), day.lastSeen());
        assertEquals(4, day.sightings());
        assertEquals(1, days(ana).size());
    }

    @Test
    void case42TimesAreStoredInUtcAndShownInTheOrganizationsZone() throws Exception {
        host.clock.set(Instant.parse("2024-07-08T22:00:00Z"));
        record(seen("00:00:5e:00:53:30", "2024-07-08T12:30:00Z"), seen("00:00:5e:00:53:30", "2024-07-08T21:00:00Z"));

        PresenceDay day = days(ana).get(0);
        assertEquals(Instant.parse("2024-07-08T12:30:00Z"), day.firstSeen());
        assertEquals(OffsetDateTime.parse("2024-07-08T07:30:00-05:00"), day.firstSeenLocal());
        assertEquals(OffsetDateTime.parse("2024-07-08T16:00:00-05:00"), day.lastSeenLocal());
    }

    @Test
    void theDayIsTheOrganizationsLocalDayNotTheUtcOne() throws Exception {
        host.clock.set(Instant.parse("2024-07-09T04:00:00Z"));

        record(seen("00:00:5e:00:53:30", "2024-07-09T03:00:00Z"));

        assertEquals(DAY, days(ana).get(0).day());
    }

    @Test
    void case41AControllersDriftingClockIsCorrectedByItsOwnNow() throws Exception {
        host.clock.set(Instant.ofEpochSecond(1717400720));
        WifiObservation client = seen("00:00:5e:00:53:30", "1717399970");

        host.presence.record(ORG, new WifiBatch(List.of(client), "1717400000"));

        PresenceDay day = host.presence
                .presence(ORG, ana, LocalDate.of(2024, 6, 2), LocalDate.of(2024, 6, 3))
                .get(0);
        assertEquals(Duration.ofSeconds(30), Duration.between(day.lastSeen(), host.clock.instant()));
        assertTrue(host.presence.isPresent(ORG, ana, host.clock.instant()));
    }

    @Test
    void case41WithoutTheControllersClockTheAgeIsTheNaiveOne() throws Exception {
        host.clock.set(Instant.ofEpochSecond(1717400720));

        record(seen("00:00:5e:00:53:30", "1717399970"));

        assertFalse(host.presence.isPresent(ORG, ana, host.clock.instant()));
    }

    @Test
    void case43AClientWithNoSignOfWifiIsStoredButGivesNoPresenceBeyondItsSeenAt() throws Exception {
        host.clock.set(Instant.ofEpochSecond(1717401000));
        WifiObservation ghost = new WifiObservation("00:00:5e:00:53:30", null, null, null, "1717400400", null);

        BatchResult result = record(ghost);

        assertEquals(1, result.accepted());
        assertEquals(1, host.presenceStore.countObservations(ORG));
        PresenceDay day = host.presence
                .presence(ORG, ana, LocalDate.of(2024, 6, 2), LocalDate.of(2024, 6, 3))
                .get(0);
        assertEquals(Instant.ofEpochSecond(1717400400), day.lastSeen());
        assertFalse(host.presence.isPresent(ORG, ana, host.clock.instant()));
    }

    @Test
    void case24APrivateMacWithNoAliasStaysUnassignedRatherThanAttachedToAnyone() throws Exception {
        BatchResult result = record(seen("7a:4c:11:20:9e:01", "2024-07-08T14:00:00Z"));

        assertEquals(1, result.accepted());
        assertEquals(0, result.attributed());
        assertEquals(MatchReason.RANDOMIZED_MAC, result.attributions().get(0).reason());
        assertTrue(days(ana).isEmpty());
    }

    @Test
    void case24AfterAnAdminAddsThePrivateMacAsAliasTheUserIsPresent() throws Exception {
        host.manual.save(ORG, "ana.lima@example.com, 7a:4c:11:20:9e:01\n");

        BatchResult result = record(seen("7a:4c:11:20:9e:01", "2024-07-08T14:58:00Z"));

        assertEquals(LookupKind.ALIAS, result.attributions().get(0).via());
        assertTrue(host.presence.isPresent(ORG, ana, NOW));
    }

    @Test
    void case22ThePrivateAliasMatchesWhileTheHardwareMacStaysTheDevicesIdentity() throws Exception {
        host.device("d2")
                .serial("FAKESN00080")
                .wifiMac("00:00:5e:00:53:20")
                .email("cy.diaz@example.com")
                .save();
        host.manual.save(ORG, "cy.diaz@example.com, 3a:1f:9c:44:0b:20\n");

        BatchResult result = record(
                seen("3a:1f:9c:44:0b:20", "2024-07-08T14:00:00Z"), seen("be:47:02:5d:e1:77", "2024-07-08T14:00:00Z"));

        assertEquals(
                host.user("cy.diaz@example.com").id(),
                result.attributions().get(0).userId());
        assertNull(result.attributions().get(1).userId());
        assertEquals(
                "00:00:5e:00:53:20",
                host.matches
                        .byMac(ORG, "00:00:5e:00:53:20")
                        .device()
                        .orElseThrow()
                        .wifiMac()
                        .orElseThrow());
    }

    @Test
    void aPrivateMacIsAttributedThroughAFreshWifiIpBindingOfAnMdmDevice() throws Exception {
        host.device("d2")
                .serial("FAKESN00081")
                .ip("192.0.2.40", NOW.minus(Duration.ofHours(2)))
                .email("cy.diaz@example.com")
                .save();

        BatchResult result = record(
                new WifiObservation("3a:1f:9c:44:0b:20", "192.0.2.40", "Office", "AP-1", "2024-07-08T14:00:00Z", null));

        assertEquals(LookupKind.IP, result.attributions().get(0).via());
        assertEquals(1, result.attributed());
    }

    @Test
    void aPrivateMacWithAStaleIpBindingStaysUnassigned() throws Exception {
        host.device("d2")
                .serial("FAKESN00081")
                .ip("192.0.2.40", NOW.minus(Duration.ofDays(2)))
                .email("cy.diaz@example.com")
                .save();

        BatchResult result = record(
                new WifiObservation("3a:1f:9c:44:0b:20", "192.0.2.40", "Office", "AP-1", "2024-07-08T14:00:00Z", null));

        assertEquals(MatchReason.RANDOMIZED_MAC, result.attributions().get(0).reason());
    }

    @Test
    void aHardwareMacIsNeverAttributedThroughAnIpBinding() throws Exception {
        host.device("d2")
                .serial("FAKESN00081")
                .ip("192.0.2.40", NOW.minus(Duration.ofHours(1)))
                .email("cy.diaz@example.com")
                .save();

        BatchResult result = record(
                new WifiObservation("00:00:5e:00:53:99", "192.0.2.40", "Office", "AP-1", "2024-07-08T14:00:00Z", null));

        assertEquals(MatchReason.UNKNOWN_MAC, result.attributions().get(0).reason());
    }

    @Test
    void badObservationsAreRejectedAloneWithTheirIndexAndTheRestIsKept() throws Exception {
        BatchResult result = record(
                seen("00:00:5e:00:53:30", "2024-07-08T14:00:00Z"),
                seen("zz:00:5e:00:53:30", "2024-07-08T14:00:00Z"),
                seen("01:00:5e:00:00:fb", "2024-07-08T14:00:00Z"),
                seen("00:00:5e:00:53:31", "2024-07-08 14:00:00"),
                seen("00:00:5e:00:53:32", "yesterday"),
                seen("00:00:5e:00:53:33", null),
                seen(null, "2024-07-08T14:00:00Z"),
                seen("00:00:5e:00:53:34", "2024-07-08 14:00:00+02:00"));

        assertEquals(
                List.of(1, 2, 3, 4, 5, 6),
                result.rejected().stream().map(Rejection::index).toList());
        assertTrue(
                result.rejected().get(1).reason().contains("multicast"),
                result.rejected().get(1).reason());
        assertTrue(
                result.rejected().get(2).reason().contains("time zone"),
                result.rejected().get(2).reason());
        assertEquals(2, result.accepted());
        assertEquals(
                List.of(0, 7),
                result.attributions().stream().map(Attribution::index).toList());
    }

    @Test
    void aSeenAtBeyondTheFutureSkewIsRejectedButOneWithinItIsKept() throws Exception {
        BatchResult result = record(
                seen("00:00:5e:00:53:30", NOW.plus(Duration.ofMinutes(4)).toString()),
                seen("00:00:5e:00:53:30", NOW.plus(Duration.ofMinutes(6)).toString()));

        assertEquals(1, result.accepted());
        assertEquals(1, result.rejected().get(0).index());
        assertTrue(
                result.rejected().get(0).reason().contains("ahead"),
                result.rejected().get(0).reason());
    }

    @Test
    void fractionalSecondsAndEpochSecondsAreRead() throws Exception {
        record(seen("00:00:5e:00:53:30", "2024-07-08T14:00:00.250Z"), seen("00:00:5e:00:53:30", "1720450800"));

        PresenceDay day = days(ana).get(0);
        assertEquals(Instant.parse("2024-07-08T14:00:00.250Z"), day.firstSeen());
        assertEquals(Instant.ofEpochSecond(1720450800), day.lastSeen());
    }

    @Test
    void pruningDeletesOldRawObservationsAndKeepsThePresenceDays() throws Exception {
        record(seen("00:00:5e:00:53:30", "2024-07-01T14:00:00Z"), seen("00:00:5e:00:53:30", "2024-07-08T14:00:00Z"));

        assertEquals(1, host.presence.pruneObservations());

        assertEquals(1, host.presenceStore.countObservations(ORG));
        assertEquals(
                1,
                host.presence.presence(ORG, ana, LocalDate.of(2024, 7, 1), DAY).stream()
                        .filter(day -> day.day().equals(LocalDate.of(2024, 7, 1)))
                        .count());
    }

    @Test
    void theRawRetentionIsConfigurable() throws Exception {
        host.close();
        host = new HostFixture(
                dir.resolve("short"),
                Duration.ofHours(12),
                new PresenceSettings(
                        Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofMinutes(15)));
        host.device("d1")
                .wifiMac("00:00:5e:00:53:30")
                .email("ana.lima@example.com")
                .save();
        host.presence.record(ORG, WifiBatch.of(List.of(seen("00:00:5e:00:53:30", "2024-07-08T13:00:00Z"))));

        assertEquals(1, host.presence.pruneObservations());
    }

    @Test
    void aBatchOfAThousandObservationsIsAttributedAndWrittenAtOnce() throws Exception {
        List<WifiObservation> batch = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String mac = i % 2 == 0 ? "00:00:5e:00:53:30" : String.format("00:00:5e:01:%02x:%02x", i >> 8, i & 0xff);
            batch.add(seen(mac, NOW.minusSeconds(i).toString()));
        }

        BatchResult result = host.presence.record(ORG, WifiBatch.of(batch));

        assertEquals(1000, result.accepted());
        assertEquals(500, result.attributed());
        assertEquals(1000, host.presenceStore.countObservations(ORG));
        assertEquals(500, days(ana).get(0).sightings());
    }

    @Test
    void deletingAUserDeletesTheirPresenceHistory() throws Exception {
        record(seen("00:00:5e:00:53:30", "2024-07-08T14:00:00Z"));

        host.users.delete(ORG, "ana.lima@example.com");

        assertTrue(days(ana).isEmpty());
    }

    @Test
    void presenceFollowsTheOrganizationsZoneWhenItChanges() throws Exception {
        host.organization(ZoneId.of("Europe/Berlin"), Organization.AuthPolicy.AUTO_APPROVE);
        host.clock.set(Instant.parse("2024-07-08T23:00:00Z"));

        record(seen("00:00:5e:00:53:30", "2024-07-08T22:30:00Z"));

        assertEquals(
                LocalDate.of(2024, 7, 9),
                host.presence.presence(ORG, ana, DAY, DAY.plusDays(1)).get(0).day());
    }
}
