package com.pult.mdm.kandji.internal.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.pult.mdm.kandji.internal.api.KandjiDataException;
import com.pult.mdm.kandji.internal.api.dto.KandjiListingPage;
import com.pult.mdm.kandji.testing.KandjiMutator;
import com.pult.mdm.kandji.testing.KandjiSamples;
import com.pult.mdm.spi.Email;
import com.pult.mdm.spi.Normalization;
import com.pult.mdm.spi.RawRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of the real sample bodies, normalized: every record ends as a device, a detail or a rejection
 * with a reason and a short message a person can read, and nothing throws. Each case has its own seed, printed
 * with the failure, so the case can be rebuilt with {@link #mutated}.
 */
class KandjiNormalizerPropertiesTest {

    private static final long BASE_SEED = 0x4B616E646A69L;
    private static final int CASES = 4_000;
    /** Long enough for any sentence the normalizer writes; a message that carries a whole field is longer. */
    private static final int MAX_MESSAGE = 400;

    private static final List<JsonNode> DEVICE_SAMPLES = deviceSamples();
    private static final List<JsonNode> DETAIL_SAMPLES = List.of(
            KandjiSamples.tree("official-docs/device_details_mac.json"),
            KandjiSamples.tree("official-docs/device_details_ipad.json"),
            KandjiSamples.tree("official-docs/device_details_appletv.json"),
            KandjiSamples.tree("official-docs/device_details_ipad_lost_mode.json"),
            KandjiSamples.tree("official-docs-iru-2026/device_details_windows.json"),
            KandjiSamples.tree("official-docs-iru-2026/device_details_android.json"),
            KandjiSamples.tree("recorded-live/jupiterone_device_details_mac_2023.json")
                    .path("response")
                    .path("body"));

    private final KandjiNormalizer normalizer = new KandjiNormalizer();

    private static List<JsonNode> deviceSamples() {
        List<JsonNode> rows = new ArrayList<>();
        KandjiSamples.tree("official-docs/list_devices_mac.json").forEach(rows::add);
        KandjiSamples.tree("official-docs/list_devices_iphone_user_empty_string.json")
                .forEach(rows::add);
        KandjiSamples.tree("recorded-live/jupiterone_list_devices_page1_2023.json")
                .path("response")
                .path("body")
                .forEach(rows::add);
        rows.add(KandjiSamples.tree("official-docs/get_device_mac.json"));
        rows.add(KandjiSamples.tree("official-docs/get_device_ipad_last_check_in_empty.json"));
        rows.add(KandjiSamples.tree("official-docs-iru-2026/get_device_windows.json"));
        rows.add(KandjiSamples.tree("official-docs-iru-2026/get_device_android.json"));
        return List.copyOf(rows);
    }

    @Test
    void everyMutatedDeviceRowBecomesADeviceOrARejectionWithAReason() {
        int devices = 0;
        for (int i = 0; i < CASES; i++) {
            long seed = BASE_SEED + i;
            String body = mutated(seed, DEVICE_SAMPLES);
            RawRecord record = new RawRecord(RawRecord.Kind.DEVICE, "listed-id", body, Instant.EPOCH);

            Normalization result = normalize(record, seed);

            if (result instanceof Normalization.Device device) {
                devices++;
                assertFalse(device.deviceId().isBlank(), () -> replay(seed, body));
                assertEquals(
                        device.device().user().email(),
                        Email.parse(device.device().user().email().value()),
                        () -> replay(seed, body));
            } else {
                assertReadableRejection(result, seed, body);
            }
        }
        // Mutations that leave a row usable must still give devices, or the property says nothing about them.
        assertTrue(devices > CASES / 20 && devices < CASES, "devices: " + devices);
    }

    @Test
    void everyMutatedDetailBecomesADetailOrARejectionWithAReason() {
        int details = 0;
        for (int i = 0; i < CASES; i++) {
            long seed = BASE_SEED - i;
            String body = mutated(seed, DETAIL_SAMPLES);
            RawRecord record = new RawRecord(RawRecord.Kind.DETAIL, "requested-id", body, Instant.EPOCH);

            Normalization result = normalize(record, seed);
            // The WiFi IP is read from the same body and must not throw either.
            call(() -> normalizer.wifiIp(record), seed, body);

            if (result instanceof Normalization.Detail detail) {
                details++;
                assertFalse(detail.deviceId().isBlank(), () -> replay(seed, body));
            } else {
                assertReadableRejection(result, seed, body);
            }
        }
        assertTrue(details > CASES / 20 && details < CASES, "details: " + details);
    }

    @Test
    void aMutatedListingIsReadAsRowsOrRefusedWithAClassifiedError() {
        for (int i = 0; i < CASES; i++) {
            long seed = BASE_SEED * 31 + i;
            SplittableRandom random = new SplittableRandom(seed);
            KandjiMutator mutator = new KandjiMutator(random);
            String body = mutator.mutate(KandjiSamples.tree("official-docs/list_devices_mac.json"));
            try {
                KandjiListingPage page = KandjiListingPage.parse(body);
                assertNotNull(page.rows(), () -> replay(seed, body));
            } catch (KandjiDataException e) {
                assertReadable(e.getMessage(), seed, body);
            } catch (RuntimeException e) {
                fail("The listing parser threw " + e + "; " + replay(seed, body), e);
            }
        }
    }

    private static String mutated(long seed, List<JsonNode> samples) {
        SplittableRandom random = new SplittableRandom(seed);
        JsonNode sample = samples.get(random.nextInt(samples.size()));
        return new KandjiMutator(random).mutate(sample);
    }

    private Normalization normalize(RawRecord record, long seed) {
        Normalization result = call(() -> normalizer.normalize(record), seed, record.body());
        assertNotNull(result, () -> replay(seed, record.body()));
        return result;
    }

    private static <T> T call(Supplier<T> action, long seed, String body) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            return fail("Threw " + e + "; " + replay(seed, body), e);
        }
    }

    private static void assertReadableRejection(Normalization result, long seed, String body) {
        Normalization.Rejected rejected = assertInstanceOfRejected(result, seed, body);
        assertNotNull(rejected.reason(), () -> replay(seed, body));
        // The catch-all for an unforeseen exception must never be what explains a record.
        assertFalse(
                rejected.message().startsWith("The record cannot be read"),
                () -> rejected.message() + "; " + replay(seed, body));
        assertReadable(rejected.message(), seed, body);
    }

    private static Normalization.Rejected assertInstanceOfRejected(Normalization result, long seed, String body) {
        if (result instanceof Normalization.Rejected rejected) {
            return rejected;
        }
        return fail("Expected a rejection, got " + result + "; " + replay(seed, body));
    }

    private static void assertReadable(String message, long seed, String body) {
        assertNotNull(message, () -> replay(seed, body));
        assertFalse(message.isBlank(), () -> replay(seed, body));
        assertTrue(
                message.length() <= MAX_MESSAGE,
                () -> "A message of " + message.length() + " characters: " + message.substring(0, 200) + "…; "
                        + replay(seed, body));
        assertFalse(message.contains("Exception"), () -> message + "; " + replay(seed, body));
    }

    /** The seed and the start of the body, so the case can be replayed and recognized. */
    private static String replay(long seed, String body) {
        String shown = body.length() <= 300 ? body : body.substring(0, 300) + "…";
        return "replay with seed " + seed + "L; body: " + shown;
    }
}
