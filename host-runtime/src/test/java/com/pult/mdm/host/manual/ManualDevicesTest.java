package com.pult.mdm.host.manual;

import static com.pult.mdm.host.match.HostFixture.ORG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.host.match.HostFixtureBase;
import com.pult.mdm.host.match.LookupKind;
import com.pult.mdm.host.match.MatchReason;
import com.pult.mdm.host.match.UserMatch;
import com.pult.mdm.host.users.RejectedRowsException;
import com.pult.mdm.host.users.RowProblem;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManualDevicesTest extends HostFixtureBase {

    @BeforeEach
    void open() throws Exception {
        host.users("ana.lima@example.com", "bo.chen@example.com");
    }

    @Test
    void savedDevicesMatchByMacAtOnce() throws Exception {
        host.manual.save(ORG, "ana.lima@example.com, 00-00-5E-00-53-50\n");

        UserMatch match = host.matches.byMac(ORG, "00:00:5e:00:53:50");

        assertEquals("ana.lima@example.com", match.user().orElseThrow().email());
        assertEquals(LookupKind.ALIAS, match.kind());
        assertEquals(List.of("manual"), match.integrationId().stream().toList());
    }

    @Test
    void savingReplacesTheWholeList() throws Exception {
        host.manual.save(ORG, "ana.lima@example.com, 00:00:5e:00:53:50\nbo.chen@example.com, 00:00:5e:00:53:51\n");

        host.manual.save(ORG, "bo.chen@example.com, 00:00:5e:00:53:52\n");

        assertEquals(
                List.of("00:00:5e:00:53:52"),
                host.manual.list(ORG).stream().map(ManualDevice::mac).toList());
        assertEquals(
                MatchReason.UNKNOWN_MAC,
                host.matches.byMac(ORG, "00:00:5e:00:53:50").reason());
    }

    @Test
    void duplicateMacsAreRejectedWithAllTheirLineNumbers() throws Exception {
        RejectedRowsException rejected = assertThrows(
                RejectedRowsException.class,
                () -> host.manual.save(
                        ORG,
                        "ana.lima@example.com, 00:00:5e:00:53:50\nbo.chen@example.com, 00:00:5e:00:53:51\n"
                                + "bo.chen@example.com, 00005E005350\n"));

        assertEquals(
                List.of(1, 3),
                rejected.problems().stream().map(RowProblem::line).toList());
        assertTrue(rejected.problems().get(0).reason().contains("lines 1, 3"), rejected.getMessage());
    }

    @Test
    void anyBadLineRejectsTheWholeSaveListingEveryProblemAndKeepsTheOldList() throws Exception {
        host.manual.save(ORG, "ana.lima@example.com, 00:00:5e:00:53:50\n");

        RejectedRowsException rejected = assertThrows(RejectedRowsException.class, () -> host.manual.save(ORG, """
                bo.chen@example.com, 00:00:5e:00:53:51
                ana.lima@example.com, bo.chen@example.com
                00:00:5e:00:53:52, 00:00:5e:00:53:53
                bo.chen@example.com, 01:00:5e:00:00:fb
                bo.chen@example.com
                ana.lima@example.com, 00:00:5e:00:53:54, extra
                """));

        assertEquals(
                List.of(2, 3, 4, 5, 6),
                rejected.problems().stream().map(RowProblem::line).toList());
        assertEquals(
                List.of("00:00:5e:00:53:50"),
                host.manual.list(ORG).stream().map(ManualDevice::mac).toList());
    }

    @Test
    void aHeaderCommentsBlankLinesAndEitherFieldOrderAreAccepted() throws Exception {
        int saved = host.manual.save(ORG, """
                email, mac_address
                # the front desk
                00:00:5e:00:53:50, ana.lima@example.com

                bo.chen@example.com,00:00:5e:00:53:51
                """);

        assertEquals(2, saved);
        assertEquals(3, host.manual.list(ORG).get(0).line());
    }

    @Test
    void manualDevicesHaveNoSerialAndTakePartInWifiMatchingOnly() throws Exception {
        host.manual.save(ORG, "ana.lima@example.com, 00:00:5e:00:53:50\n");

        assertTrue(host.manual.list(ORG).get(0).toStoredDevice().serial().isEmpty());
        assertEquals(
                MatchReason.UNKNOWN_SERIAL,
                host.matches.bySerial(ORG, "manual:00:00:5e:00:53:50").reason());
    }

    @Test
    void aManualLineRepeatingAnMdmMacOfTheSameUserDoesNotMakeItAmbiguous() throws Exception {
        host.device("d1")
                .serial("FAKESN00090")
                .wifiMac("00:00:5e:00:53:50")
                .email("Ana.Lima@example.com")
                .save();

        host.manual.save(ORG, "ana.lima@example.com, 00:00:5e:00:53:50\n");

        UserMatch match = host.matches.byMac(ORG, "00:00:5e:00:53:50");
        assertEquals(MatchReason.MATCHED, match.reason());
        assertEquals("kandji-1", match.integrationId().orElseThrow());
    }

    @Test
    void aManualLineGivingAnMdmMacToSomeoneElseMakesItAmbiguous() throws Exception {
        host.device("d1")
                .serial("FAKESN00090")
                .wifiMac("00:00:5e:00:53:50")
                .email("ana.lima@example.com")
                .save();

        host.manual.save(ORG, "bo.chen@example.com, 00:00:5e:00:53:50\n");

        assertEquals(
                MatchReason.AMBIGUOUS_MAC,
                host.matches.byMac(ORG, "00:00:5e:00:53:50").reason());
    }

    @Test
    void aManualEmailThatIsNoPultUserIsSavedButResolvesToNobody() throws Exception {
        host.manual.save(ORG, "someone@example.com, 00:00:5e:00:53:50\n");

        assertEquals(
                MatchReason.EMAIL_NOT_A_USER,
                host.matches.byMac(ORG, "00:00:5e:00:53:50").reason());
    }

    @Test
    void savingForAnUnknownOrganizationIsRefusedByNameAndWritesNothing() throws Exception {
        RejectedRowsException error = assertThrows(
                RejectedRowsException.class, () -> host.manual.save("nope", "ana@example.com, 00:00:5e:00:53:01"));

        assertTrue(error.getMessage().contains("No organization 'nope'"), error.getMessage());
        assertTrue(host.manual.list("nope").isEmpty());
    }
}
