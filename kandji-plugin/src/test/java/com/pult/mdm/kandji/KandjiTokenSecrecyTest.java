package com.pult.mdm.kandji;

import static com.pult.mdm.kandji.internal.api.KandjiEndpoint.detailsPath;
import static com.pult.mdm.kandji.internal.api.KandjiEndpoint.listPath;
import static com.pult.mdm.kandji.testing.ScriptedKandjiServer.Reply.ok;
import static com.pult.mdm.kandji.testing.ScriptedKandjiServer.Reply.status;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.kandji.testing.CollectingSink;
import com.pult.mdm.kandji.testing.KandjiRows;
import com.pult.mdm.kandji.testing.KandjiWire;
import com.pult.mdm.kandji.testing.RecordingSleeper;
import com.pult.mdm.kandji.testing.ScriptedKandjiServer;
import com.pult.mdm.kandji.testing.TestFetchContext;
import com.pult.mdm.spi.AuthenticationException;
import com.pult.mdm.spi.MdmException;
import com.pult.mdm.spi.MdmProvider;
import com.pult.mdm.spi.ProviderConfig;
import com.pult.mdm.spi.ValidationResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The token never appears in a log line, an exception message, a validation message or a toString, across
 * a sync that meets rate limits, server errors, a malformed page and a refusal. SLF4J's simple logger writes
 * the plugin's lines (down to trace, see {@code simplelogger.properties}) to System.err, which is captured here.
 */
class KandjiTokenSecrecyTest {

    @Test
    void tokenAppearsInNoLogLineExceptionOrMessage() throws Exception {
        List<String> texts = new ArrayList<>();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (ScriptedKandjiServer server = new ScriptedKandjiServer()) {
            server.on(
                            listPath(0, 300),
                            status(429),
                            status(503),
                            ok("[{"),
                            ok(KandjiRows.page(KandjiRows.assignedRange(0, 2))))
                    .on(detailsPath("dev-0000"), ok(KandjiRows.details("dev-0000", "00:00:5e:00:53:01", "10.0.0.1")))
                    .on(detailsPath("dev-0001"), status(401));
            TestFetchContext context = new TestFetchContext();
            try (MdmProvider provider = KandjiWire.provider(server.baseUrl(), new RecordingSleeper())) {
                MdmException failure = assertThrows(
                        AuthenticationException.class, () -> provider.fetch(context, new CollectingSink()));
                texts.add(String.valueOf(failure));
                texts.add(provider.toString());
                server.on(listPath(0, 1), status(401));
                ValidationResult result = provider.validate();
                texts.add(result.toString());
            }
            texts.addAll(context.logLines);
            texts.add(configurationFailure());
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        texts.add(log);

        assertTrue(log.contains("Received HTTP 429"), "the capture must see the plugin's debug lines: " + log);
        assertTrue(log.contains("Skipped") || log.contains("Failed to read"), log);
        for (String text : texts) {
            assertFalse(text.contains(KandjiWire.TOKEN), "token leaked in: " + text);
        }
    }

    private static String configurationFailure() {
        Map<String, String> values =
                Map.of("api_url", "http://" + KandjiWire.TOKEN + "@127.0.0.1", "api_token", KandjiWire.TOKEN + " x");
        return assertThrows(Exception.class, () -> new KandjiProviderFactory().create(new ProviderConfig(values, true)))
                .getMessage();
    }
}
