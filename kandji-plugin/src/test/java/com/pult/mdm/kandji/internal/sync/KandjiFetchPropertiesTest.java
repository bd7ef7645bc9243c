package com.pult.mdm.kandji.internal.sync;

import static com.pult.mdm.kandji.testing.ScriptedKandjiServer.Reply.ok;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.pult.mdm.kandji.internal.KandjiProvider;
import com.pult.mdm.kandji.internal.api.KandjiEndpoint;
import com.pult.mdm.kandji.testing.CollectingSink;
import com.pult.mdm.kandji.testing.KandjiMutator;
import com.pult.mdm.kandji.testing.KandjiSamples;
import com.pult.mdm.kandji.testing.KandjiWire;
import com.pult.mdm.kandji.testing.RecordingSleeper;
import com.pult.mdm.kandji.testing.ScriptedKandjiServer;
import com.pult.mdm.kandji.testing.TestFetchContext;
import com.pult.mdm.spi.BadVendorDataException;
import com.pult.mdm.spi.RawRecord;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Whole fetches against a scripted Kandji API whose listing and details are random mutations of the real samples:
 * a fetch completes, or fails with {@link BadVendorDataException} and a message, never with another exception; every
 * record it delivers normalizes without throwing. The seed of a failing case is in the failure message.
 */
class KandjiFetchPropertiesTest {

    private static final long BASE_SEED = 0x6665746368L;
    private static final int CASES = 300;
    private static final JsonNode LISTING = KandjiSamples.tree("official-docs/list_devices_mac.json");
    private static final JsonNode DETAILS = KandjiSamples.tree("official-docs/device_details_mac.json");

    @Test
    void aFetchOfMutatedBodiesCompletesOrFailsAsBadVendorData() throws Exception {
        RecordingSleeper sleeper = new RecordingSleeper();
        int completed = 0;
        int refused = 0;
        try (ScriptedKandjiServer server = new ScriptedKandjiServer();
                KandjiProvider provider = KandjiWire.provider(server.baseUrl(), sleeper)) {
            for (int i = 0; i < CASES; i++) {
                long seed = BASE_SEED + i;
                SplittableRandom random = new SplittableRandom(seed);
                KandjiMutator mutator = new KandjiMutator(random);
                String listing = mutator.mutate(LISTING);
                String details = mutator.mutate(DETAILS);
                server.on(KandjiEndpoint.listPath(0, KandjiEndpoint.PAGE_SIZE), ok(listing))
                        .otherwise(request -> ok(details));
                CollectingSink sink = new CollectingSink();

                try {
                    provider.fetch(new TestFetchContext(), sink);
                    completed++;
                } catch (BadVendorDataException e) {
                    refused++;
                    assertNotNull(e.getMessage(), () -> replay(seed, listing));
                    assertFalse(e.getMessage().isBlank(), () -> replay(seed, listing));
                } catch (RuntimeException e) {
                    fail("The fetch threw " + e + "; " + replay(seed, listing), e);
                }
                for (RawRecord record : sink.devices) {
                    assertNotNull(provider.normalize(record), () -> replay(seed, listing));
                }
                for (RawRecord record : sink.details) {
                    assertNotNull(provider.normalize(record), () -> replay(seed, details));
                }
            }
        }
        assertTrue(completed > 0 && refused > 0, completed + " completed, " + refused + " refused");
    }

    private static String replay(long seed, String body) {
        String shown = body.length() <= 300 ? body : body.substring(0, 300) + "…";
        return "replay with seed " + seed + "L; body: " + shown;
    }
}
