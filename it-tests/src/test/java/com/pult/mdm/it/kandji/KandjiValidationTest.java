package com.pult.mdm.it.kandji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.it.sim.EndpointKind;
import com.pult.mdm.it.sim.Fleet;
import com.pult.mdm.it.sim.KandjiSimulator;
import com.pult.mdm.spi.MdmProvider;
import com.pult.mdm.spi.ValidationResult;
import com.pult.mdm.spi.ValidationResult.Code;
import com.pult.mdm.spi.ValidationResult.Problem;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code validate()} of the deployed plugin against the simulator: one cheap request per permission. */
class KandjiValidationTest {

    private static KandjiSimulator sim;

    @BeforeAll
    static void start() {
        sim = KandjiSims.start(Fleet.generated(20, 11));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void resetCounters() {
        sim.counters().reset();
    }

    private static ValidationResult validate(String token) {
        try (MdmProvider provider = KandjiPluginJar.provider(sim.baseUrl(), token)) {
            return provider.validate();
        }
    }

    @Test
    void aTokenWithEveryPermissionValidatesWithOneRequestPerPermission() {
        ValidationResult result = validate(KandjiSims.TOKEN);

        assertTrue(result.isOk(), result.problems().toString());
        assertEquals(1, sim.counters().requests(EndpointKind.LIST));
        assertEquals(1, sim.counters().requests(EndpointKind.GET));
        assertEquals(1, sim.counters().requests(EndpointKind.DETAILS));
    }

    @Test
    void anUnknownTokenIsRefusedAtTheListWithOneRequest() {
        ValidationResult result = validate("not-a-real-key");

        Problem problem = result.problems().get(0);
        assertEquals(1, result.problems().size());
        assertEquals(Code.PERMISSION_MISSING, problem.code());
        assertEquals("api_token", problem.field());
        assertEquals("Device list", problem.permission());
        assertEquals(1, sim.counters().totalRequests());
        assertEquals(1, sim.counters().responses(401));
    }

    @Test
    void aTokenLackingDeviceDetailsNamesThatPermissionOnly() {
        ValidationResult result = validate(KandjiSims.NO_DETAILS_TOKEN);

        assertEquals(1, result.problems().size());
        assertEquals(Code.PERMISSION_MISSING, result.problems().get(0).code());
        assertEquals("Device details", result.problems().get(0).permission());
        assertEquals(1, sim.counters().responses(403));
    }

    @Test
    void aTokenWithDeviceListOnlyNamesBothMissingPermissions() {
        ValidationResult result = validate(KandjiSims.LIST_ONLY_TOKEN);

        assertEquals(
                List.of("Device ID", "Device details"),
                result.problems().stream().map(Problem::permission).toList());
    }

    @Test
    void aHostThatDoesNotAnswerIsReportedAsUnreachableNotAsAPermissionProblem() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        ValidationResult result;
        try (MdmProvider provider = KandjiPluginJar.provider("http://127.0.0.1:" + closedPort, KandjiSims.TOKEN)) {
            result = provider.validate();
        }

        assertEquals(1, result.problems().size());
        assertEquals(Code.UNREACHABLE, result.problems().get(0).code());
        assertEquals("api_url", result.problems().get(0).field());
        assertEquals("", result.problems().get(0).permission());
    }
}
