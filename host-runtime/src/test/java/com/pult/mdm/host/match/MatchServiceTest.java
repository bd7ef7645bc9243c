package com.pult.mdm.host.match;

import static com.pult.mdm.host.match.HostFixture.NOW;
import static com.pult.mdm.host.match.HostFixture.ORG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.host.presence.PresenceSettings;
import com.pult.mdm.spi.MacAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MatchServiceTest extends HostFixtureBase {

    private MatchService matches;

    @BeforeEach
    void open() throws Exception {
        matches = host.matches;
        host.users("ana.lima@example.com", "cy.diaz@example.com");
    }

    @Test
    void aSerialResolvesToTheUserWithATraceOfEveryStep() throws Exception {
        host.device("d1").serial("FAKESN00001").email("Ana.Lima@example.com").save();

        UserMatch match = matches.bySerial(ORG, " fakesn00001 ");

        assertEquals(MatchReason.MATCHED, match.reason());
        assertEquals(Optional.of("FAKESN00001"), match.normalized());
        assertEquals(Optional.of("kandji-1"), match.integrationId());
        assertEquals("d1", match.device().orElseThrow().deviceId());
        assertEquals(Optional.of("Ana.Lima@example.com"), match.email());
        assertEquals("ana.lima@example.com", match.user().orElseThrow().email());
        assertTrue(match.explanation().contains("kandji-1"), match.explanation());
        assertTrue(match.explanation().contains("Pult user ana.lima@example.com"), match.explanation());
    }

    @Test
    void case19AMacMatchesWhateverItsLetterCase() throws Exception {
        host.device("d1")
                .wifiMac("00:00:5e:00:53:0a")
                .email("ana.lima@example.com")
                .save();

        UserMatch match = matches.byMac(ORG, "00:00:5E:00:53:0A");

        assertTrue(match.resolved());
        assertEquals(Optional.of("00:00:5e:00:53:0a"), match.normalized());
    }

    @Test
    void case20EverySpellingOfAMacNormalizesToOneFormAndMatches() throws Exception {
        host.device("d1")
                .wifiMac("00:00:5e:00:53:1f")
                .email("ana.lima@example.com")
                .save();

        for (String spelling : List.of(
                "00:00:5E:00:53:1F",
                "00-00-5e-00-53-1f",
                "0000.5e00.531f",
                "0000-5e00-531f",
                "00005E00531F",
                " 00:00:5e:00:53:1f\n")) {
            UserMatch match = matches.byMac(ORG, spelling);
            assertEquals(Optional.of("00:00:5e:00:53:1f"), match.normalized(), spelling);
            assertTrue(match.resolved(), spelling);
        }
    }

    @Test
    void theFastMacParserAgreesWithTheSpiParser() {
        for (String spelling : List.of(
                "00:00:5E:00:53:1F",
                "00-00-5e-00-53-1f",
                "0000.5e00.531f",
                "0000-5e00-531f",
                "0000:5e00:531f",
                "00005E00531F",
                " 00:00:5e:00:53:1f\n",
                "0:0:5e:0:53:1f",
                "AE-11-22-33-44-55")) {
            assertEquals(MacAddress.parse(spelling).toLong(), MacText.toLong(spelling), spelling);
        }
        for (String bad : List.of("", "00:00:5e:00:53", "00:00-5e:00:53:1f", "gg:00:5e:00:53:1f", "0000.5e00-531f")) {
            assertEquals(MacText.INVALID, MacText.toLong(bad), bad);
        }
    }

    @Test
    void case23LocallyAdministeredAndMulticastBitsAreReadFromTheFirstOctet() {
        List<String> macs = List.of(
                "3a:1f:9c:44:0b:20",
                "00:00:5e:00:53:20",
                "f6:00:11:22:33:44",
                "02:00:00:00:00:00",
                "01:00:5e:00:00:fb",
                "AE-11-22-33-44-55");
        List<Boolean> local = List.of(true, false, true, true, false, true);
        List<Boolean> multicast = List.of(false, false, false, false, true, false);

        for (int i = 0; i < macs.size(); i++) {
            long mac = MacText.toLong(macs.get(i));
            assertEquals(local.get(i), MacText.isLocallyAdministered(mac), macs.get(i));
            assertEquals(multicast.get(i), MacText.isMulticast(mac), macs.get(i));
        }
    }

    @Test
    void anUnknownMacSaysSo() throws Exception {
        UserMatch match = matches.byMac(ORG, "00:00:5e:00:53:99");

        assertEquals(MatchReason.UNKNOWN_MAC, match.reason());
        assertTrue(match.device().isEmpty());
        assertTrue(match.explanation().contains("No MDM device"), match.explanation());
    }

    @Test
    void anInvalidMacIsReportedAsInvalidInput() throws Exception {
        UserMatch match = matches.byMac(ORG, "not-a-mac");

        assertEquals(MatchReason.INVALID_INPUT, match.reason());
        assertEquals(Optional.empty(), match.normalized());
        assertTrue(match.explanation().contains("not a MAC address"), match.explanation());
    }

    @Test
    void aMacOfTwoDevicesIsAmbiguousAndResolvesToNobody() throws Exception {
        host.device("d1")
                .wifiMac("00:00:5e:00:53:01")
                .email("ana.lima@example.com")
                .save();
        host.device("d2")
                .wifiMac("00:00:5e:00:53:01")
                .email("cy.diaz@example.com")
                .save();

        assertEquals(
                MatchReason.AMBIGUOUS_MAC,
                matches.byMac(ORG, "00:00:5e:00:53:01").reason());
    }

    @Test
    void aGoneDeviceExplainsTheMissAndResolvesToNobody() throws Exception {
        host.device("d1")
                .serial("FAKESN00002")
                .email("ana.lima@example.com")
                .gone(NOW)
                .save();

        UserMatch match = matches.bySerial(ORG, "FAKESN00002");

        assertEquals(MatchReason.DEVICE_GONE, match.reason());
        assertFalse(match.resolved());
    }

    @Test
    void aPrivateMacAnMdmReportsIsNotTrustedAsTheDevicesIdentity() throws Exception {
        host.device("d1")
                .wifiMac("3a:1f:9c:44:0b:20")
                .email("ana.lima@example.com")
                .save();

        UserMatch match = matches.byMac(ORG, "3a:1f:9c:44:0b:20");

        assertEquals(MatchReason.RANDOMIZED_MAC, match.reason());
        assertFalse(match.resolved());
        assertTrue(match.explanation().contains("private"), match.explanation());
    }

    @Test
    void case07AnEmailThatIsNoPultUserEndsTheTraceAtTheEmail() throws Exception {
        host.device("d1").serial("FAKESN00007").email("ana.lmia@example.com").save();

        UserMatch match = matches.bySerial(ORG, "FAKESN00007");

        assertEquals(MatchReason.EMAIL_NOT_A_USER, match.reason());
        assertEquals(Optional.of("ana.lmia@example.com"), match.email());
        assertTrue(match.user().isEmpty());
        assertTrue(match.explanation().contains("not the email or alias of any Pult user"), match.explanation());
    }

    @Test
    void case11AStaleAssignmentToSomeoneNotInTheDirectoryGivesNoOwner() throws Exception {
        host.device("d1").serial("FAKESN00060").email("gone.user@example.com").save();

        assertEquals(
                MatchReason.EMAIL_NOT_A_USER,
                matches.bySerial(ORG, "FAKESN00060").reason());
    }

    @Test
    void case11And15ADeviceWithAnEmptyEmailBelongsToNobody() throws Exception {
        host.device("d1").serial("FAKESN00061").email("").save();

        UserMatch match = matches.bySerial(ORG, "FAKESN00061");

        assertEquals(MatchReason.NO_ASSIGNED_USER, match.reason());
        assertTrue(match.user().isEmpty());
        assertTrue(match.email().isEmpty());
    }

    @Test
    void case14AChangedPrimaryUserMovesTheDeviceAndAClearedOneLeavesNoOwner() throws Exception {
        host.device("md-1").serial("FAKESN00070").email("ana.lima@example.com").save();
        host.device("md-2").serial("FAKESN00071").email("cy.diaz@example.com").save();

        host.device("md-1").serial("FAKESN00070").email("cy.diaz@example.com").save();
        host.device("md-2").serial("FAKESN00071").email("").save();

        assertEquals(
                "cy.diaz@example.com",
                matches.bySerial(ORG, "FAKESN00070").user().orElseThrow().email());
        assertTrue(matches.bySerial(ORG, "FAKESN00071").user().isEmpty());
    }

    @Test
    void aUserImportedAfterTheSyncIsFoundWithoutRebuildingTheIndex() throws Exception {
        host.device("d1").serial("FAKESN00003").email("bo.chen@example.com").save();
        assertEquals(
                MatchReason.EMAIL_NOT_A_USER,
                matches.bySerial(ORG, "FAKESN00003").reason());

        host.users("bo.chen@example.com");

        assertTrue(matches.bySerial(ORG, "FAKESN00003").resolved());
    }

    @Test
    void anAliasOfAUserResolvesTheDevice() throws Exception {
        host.users.importJson(ORG, "[{\"email\": \"ana.lima@example.com\", \"aliases\": [\"al@example.com\"]}]");
        host.device("d1").serial("FAKESN00004").email("AL@example.com").save();

        assertEquals(
                "ana.lima@example.com",
                matches.bySerial(ORG, "FAKESN00004").user().orElseThrow().email());
    }

    @Test
    void case16AWifiMacOfTwelveBareDigitsMatchesAndTheEthernetMacOnlyAfterDetail() throws Exception {
        host.device("md-4")
                .serial("FAKESN00073")
                .wifiMac(MacAddress.parse("00005E005301").toString())
                .email("ana.lima@example.com")
                .save();
        assertTrue(matches.byMac(ORG, "00005E005301").resolved());
        assertEquals(MatchReason.UNKNOWN_MAC, matches.byMac(ORG, "00005E005302").reason());

        host.device("md-4")
                .serial("FAKESN00073")
                .wifiMac("00:00:5e:00:53:01")
                .otherMacs("00:00:5e:00:53:02")
                .email("ana.lima@example.com")
                .save();

        assertTrue(matches.byMac(ORG, "00005E005302").resolved());
    }

    @Test
    void case17AWiredSightingOfTheEthernetMacFindsTheDevice() throws Exception {
        host.device("d1")
                .serial("FAKESN00074")
                .wifiMac("00:00:5e:00:53:11")
                .otherMacs("00:00:5e:00:53:12")
                .email("ana.lima@example.com")
                .save();

        UserMatch match = matches.byMac(ORG, "00-00-5E-00-53-12");

        assertEquals("FAKESN00074", match.device().orElseThrow().serial().orElseThrow());
        assertEquals(LookupKind.MAC, match.kind());
        assertTrue(match.explanation().contains("00:00:5e:00:53:12"), match.explanation());
    }

    @Test
    void case28BothInterfacesOfOneLaptopResolveToOneDeviceAndOneUser() throws Exception {
        host.device("laptop")
                .serial("FAKESN00110")
                .wifiMac("00:00:5e:00:53:41")
                .otherMacs("00:00:5e:00:53:40")
                .email("cy.diaz@example.com")
                .save();

        UserMatch wired = matches.byMac(ORG, "00:00:5e:00:53:40");
        UserMatch wireless = matches.byMac(ORG, "00:00:5e:00:53:41");

        assertEquals(wired.device(), wireless.device());
        assertEquals("cy.diaz@example.com", wired.user().orElseThrow().email());
        assertEquals(1, matches.snapshot(ORG).index().activeDevices());
        assertEquals(
                Optional.of("00:00:5e:00:53:41"), wired.device().orElseThrow().wifiMac());
        assertEquals(List.of("00:00:5e:00:53:40"), wired.device().orElseThrow().otherMacs());
    }

    @Test
    void aWifiIpResolvesWhileItsBindingIsFresh() throws Exception {
        host.device("d1")
                .serial("FAKESN00005")
                .ip("192.0.2.50", NOW.minus(Duration.ofHours(11)))
                .email("ana.lima@example.com")
                .save();

        UserMatch match = matches.byIp(ORG, "192.0.2.50", NOW);

        assertTrue(match.resolved());
        assertEquals(LookupKind.IP, match.kind());
    }

    @Test
    void aWifiIpBindingOlderThanTheWindowIsStale() throws Exception {
        host.device("d1")
                .serial("FAKESN00005")
                .ip("192.0.2.50", NOW.minus(Duration.ofHours(13)))
                .email("ana.lima@example.com")
                .save();

        UserMatch match = matches.byIp(ORG, "192.0.2.50", NOW);

        assertEquals(MatchReason.IP_BINDING_STALE, match.reason());
        assertFalse(match.resolved());
    }

    @Test
    void theIpFreshnessWindowIsConfigurable() throws Exception {
        host.close();
        host = new HostFixture(dir.resolve("short"), Duration.ofHours(1), PresenceSettings.defaults());
        host.users("ana.lima@example.com");
        host.device("d1")
                .serial("FAKESN00005")
                .ip("192.0.2.50", NOW.minus(Duration.ofHours(2)))
                .email("ana.lima@example.com")
                .save();

        assertEquals(
                MatchReason.IP_BINDING_STALE,
                host.matches.byIp(ORG, "192.0.2.50", NOW).reason());
    }

    @Test
    void anUnparseableIpIsInvalidInput() throws Exception {
        assertEquals(
                MatchReason.INVALID_INPUT,
                matches.byIp(ORG, "office-printer", NOW).reason());
    }
}
