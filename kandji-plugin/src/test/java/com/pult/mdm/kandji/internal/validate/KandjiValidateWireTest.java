package com.pult.mdm.kandji.internal.validate;

import static com.pult.mdm.kandji.internal.api.KandjiEndpoint.detailsPath;
import static com.pult.mdm.kandji.internal.api.KandjiEndpoint.devicePath;
import static com.pult.mdm.kandji.internal.api.KandjiEndpoint.listPath;
import static com.pult.mdm.kandji.testing.ScriptedKandjiServer.Reply.json;
import static com.pult.mdm.kandji.testing.ScriptedKandjiServer.Reply.ok;
import static com.pult.mdm.kandji.testing.ScriptedKandjiServer.Reply.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.kandji.internal.KandjiProvider;
import com.pult.mdm.kandji.internal.api.KandjiRetryPolicy;
import com.pult.mdm.kandji.testing.KandjiSamples;
import com.pult.mdm.kandji.testing.KandjiWire;
import com.pult.mdm.kandji.testing.RecordingSleeper;
import com.pult.mdm.kandji.testing.ScriptedKandjiServer;
import com.pult.mdm.spi.ValidationResult;
import com.pult.mdm.spi.ValidationResult.Code;
import com.pult.mdm.spi.ValidationResult.Problem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Validation against a scripted Kandji API: one cheap request per permission. */
class KandjiValidateWireTest {

    private static final String FIRST = listPath(0, 1);
    private static final String DEVICE_ID = "03f81208-2b6a-4a77-81f5-cf1633bcfb95";

    private ScriptedKandjiServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new ScriptedKandjiServer();
        server.on(FIRST, ok(KandjiSamples.text("official-docs/list_devices_mac.json")))
                .on(devicePath(DEVICE_ID), ok(KandjiSamples.text("official-docs/get_device_mac.json")))
                .on(detailsPath(DEVICE_ID), ok(KandjiSamples.text("official-docs/device_details_mac.json")));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private ValidationResult validate() {
        return validate(server.baseUrl(), Duration.ofSeconds(5));
    }

    private static ValidationResult validate(String baseUrl, Duration readTimeout) {
        RecordingSleeper sleeper = new RecordingSleeper();
        try (KandjiProvider provider =
                KandjiWire.provider(baseUrl, sleeper, KandjiRetryPolicy.defaults(), readTimeout)) {
            ValidationResult result = provider.validate();
            assertTrue(sleeper.waits.isEmpty(), "validation never waits to retry");
            return result;
        }
    }

    private static Problem onlyProblem(ValidationResult result) {
        assertEquals(1, result.problems().size(), result.problems().toString());
        return result.problems().get(0);
    }

    @Test
    void tokenWithAllThreePermissionsIsValidAfterThreeRequests() {
        assertTrue(validate().isOk());

        assertEquals(List.of(FIRST, devicePath(DEVICE_ID), detailsPath(DEVICE_ID)), server.paths());
    }

    @Test
    void emptyTenantIsValidAfterTheListRequestAlone() {
        server.on(FIRST, ok("[]"));

        assertTrue(validate().isOk());
        assertEquals(List.of(FIRST), server.paths());
    }

    @Test
    void unauthorizedListMeansInvalidTokenOrMissingDeviceListPermission() {
        server.on(FIRST, json(401, "{\"detail\":\"Invalid token.\"}"));

        Problem problem = onlyProblem(validate());

        assertEquals(Code.PERMISSION_MISSING, problem.code());
        assertEquals("Device list", problem.permission());
        assertEquals("api_token", problem.field());
        assertTrue(
                problem.message().contains("invalid, revoked, expired, or lacks the Device list permission"),
                problem.message());
        assertEquals(List.of(FIRST), server.paths());
    }

    @Test
    void forbiddenListIsTreatedLikeUnauthorized() {
        server.on(FIRST, status(403));

        Problem problem = onlyProblem(validate());

        assertEquals(Code.PERMISSION_MISSING, problem.code());
        assertEquals("Device list", problem.permission());
    }

    @Test
    void forbiddenDeviceRowNamesTheDeviceIdPermission() {
        server.on(devicePath(DEVICE_ID), status(403));

        Problem problem = onlyProblem(validate());

        assertEquals(Code.PERMISSION_MISSING, problem.code());
        assertEquals("Device ID", problem.permission());
        assertTrue(problem.message().contains("'Device ID' permission"), problem.message());
    }

    @Test
    void unauthorizedDetailsNamesTheDeviceDetailsPermission() {
        server.on(detailsPath(DEVICE_ID), status(401));

        Problem problem = onlyProblem(validate());

        assertEquals(Code.PERMISSION_MISSING, problem.code());
        assertEquals("Device details", problem.permission());
    }

    @Test
    void bothMissingDevicePermissionsAreReportedTogether() {
        server.on(devicePath(DEVICE_ID), status(403)).on(detailsPath(DEVICE_ID), status(403));

        List<String> permissions =
                validate().problems().stream().map(Problem::permission).toList();

        assertEquals(List.of("Device ID", "Device details"), permissions);
    }

    @Test
    void rateLimitedListIsReportedAsRateLimited() {
        server.on(FIRST, status(429).withHeader("Retry-After", "30"));

        assertEquals(Code.RATE_LIMITED, onlyProblem(validate()).code());
    }

    @Test
    void unexpectedStatusIsAVendorErrorWithTheStatusCode() {
        server.on(FIRST, status(500));

        Problem problem = onlyProblem(validate());

        assertEquals(Code.VENDOR_ERROR, problem.code());
        assertTrue(problem.message().contains("HTTP 500"), problem.message());
    }

    @Test
    void listThatIsNotADeviceListIsAVendorError() {
        server.on(FIRST, ok("<html>maintenance</html>"));

        assertEquals(Code.VENDOR_ERROR, onlyProblem(validate()).code());
    }

    @Test
    void notFoundListMeansTheUrlIsNotAKandjiApi() {
        server.on(FIRST, json(404, "<!doctype html><h1>Not Found</h1>"));

        Problem problem = onlyProblem(validate());

        assertEquals(Code.INVALID_URL, problem.code());
        assertEquals("api_url", problem.field());
    }

    @Test
    void refusedConnectionIsUnreachableNamingTheHost() throws Exception {
        String closedUrl;
        try (ScriptedKandjiServer closed = new ScriptedKandjiServer()) {
            closedUrl = closed.baseUrl();
        }

        Problem problem = onlyProblem(validate(closedUrl, Duration.ofSeconds(2)));

        assertEquals(Code.UNREACHABLE, problem.code());
        assertEquals("api_url", problem.field());
        assertTrue(problem.message().contains("'127.0.0.1'"), problem.message());
    }

    @Test
    void unknownHostIsUnreachableNamingTheHost() {
        Problem problem = onlyProblem(validate("http://no-such-tenant.invalid", Duration.ofSeconds(2)));

        assertEquals(Code.UNREACHABLE, problem.code());
        assertTrue(problem.message().contains("'no-such-tenant.invalid'"), problem.message());
    }

    @Test
    void timeoutIsUnreachable() {
        server.on(FIRST, ok("[]").after(Duration.ofMillis(1500)));

        Problem problem = onlyProblem(validate(server.baseUrl(), Duration.ofMillis(300)));

        assertEquals(Code.UNREACHABLE, problem.code());
        assertTrue(problem.message().contains("did not answer in time"), problem.message());
    }

    @Test
    void tlsFailureIsUnreachable() throws Exception {
        // A server that answers a TLS handshake with plain HTTP: the client's handshake fails.
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> answerPlainHttp(plain));
            answering.start();

            Problem problem = onlyProblem(validate("https://127.0.0.1:" + plain.getLocalPort(), Duration.ofSeconds(2)));

            assertEquals(Code.UNREACHABLE, problem.code());
            assertTrue(problem.message().contains("TLS"), problem.message());
        }
    }

    private static void answerPlainHttp(ServerSocket server) {
        try (Socket socket = server.accept()) {
            socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // The test is over.
        }
    }
}
