package com.pult.mdm.host.web;

import static com.pult.mdm.host.testsupport.SeededCases.replay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pult.mdm.host.testsupport.SeededCases;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random bodies for {@code POST /api/v1/wifi/observations} over real HTTP: a batch is answered 200 with every
 * observation accepted or rejected by index, or 400 with a problem that names what is wrong; never a 500. The seed
 * of a failing case is in the failure message. The host starts once for the class: it takes seconds.
 */
class WifiApiPropertiesTest {

    private static final long BASE_SEED = 0x48545450L;
    private static final int REQUESTS = 200;
    private static final Set<String> BAD_REQUEST_CODES = Set.of("invalid-field", "invalid-request", "bad-json");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> FIELDS = List.of("mac", "ip", "ssid", "accessPoint", "seenAt", "username");

    @TempDir
    static Path home;

    private static ApiFixture api;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture(home);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void everyBatchIsAnsweredByIndexOrRefusedAsABadRequest() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        SeededCases.check(BASE_SEED, REQUESTS, (seed, random) -> {
            JsonNode batch = batch(random);
            String body = random.nextInt(15) == 0 ? truncated(random, batch.toString()) : batch.toString();

            HttpResponse<String> response = api.postJson("/api/v1/wifi/observations", api.acme, body);
            JsonNode answer = ApiFixture.json(response);

            if (response.statusCode() == 200) {
                answered.incrementAndGet();
                int size = batch.path("observations").size();
                assertEquals(
                        size,
                        answer.get("accepted").asInt() + answer.get("rejected").size(),
                        () -> replay(seed));
                for (JsonNode rejection : answer.get("rejected")) {
                    int index = rejection.get("index").asInt();
                    assertTrue(index >= 0 && index < size, () -> replay(seed));
                    assertFalse(rejection.get("reason").asText().isBlank(), () -> replay(seed));
                }
            } else if (response.statusCode() == 400) {
                refused.incrementAndGet();
                String code = answer.path("code").asText();
                assertTrue(BAD_REQUEST_CODES.contains(code), () -> code + "; " + replay(seed));
                assertFalse(answer.path("detail").asText().isBlank(), () -> replay(seed));
            } else {
                fail("Answered " + response.statusCode() + " " + response.body() + "; " + replay(seed) + ", body "
                        + body);
            }
        });
        assertTrue(
                answered.get() > REQUESTS / 10 && refused.get() > REQUESTS / 10,
                answered + " answered, " + refused + " refused");
    }

    @Test
    void aControllerClockThatIsNotATimeIsAnInvalidRequestNamingIt() throws Exception {
        HttpResponse<String> response =
                api.postJson("/api/v1/wifi/observations", api.acme, "{\"controllerNow\":\"-1\",\"observations\":[]}");

        JsonNode problem = ApiFixture.problem(response, 400, "invalid-request");
        assertTrue(problem.get("detail").asText().startsWith("'controllerNow' is not the controller's clock"));
    }

    private static JsonNode batch(SplittableRandom random) {
        ObjectNode batch = NODES.objectNode();
        if (random.nextInt(10) != 0) {
            batch.set("controllerNow", random.nextInt(3) == 0 ? value(random) : NODES.nullNode());
        }
        switch (random.nextInt(12)) {
            case 0 -> batch.set("observations", value(random));
            case 1 -> batch.put("unknownField", true);
            case 2 -> {
                // No list at all.
            }
            default -> batch.set("observations", observations(random));
        }
        return batch;
    }

    private static ArrayNode observations(SplittableRandom random) {
        ArrayNode observations = NODES.arrayNode();
        int size = random.nextInt(8);
        for (int i = 0; i < size; i++) {
            if (random.nextInt(20) == 0) {
                observations.add(value(random));
                continue;
            }
            ObjectNode observation = observations.addObject();
            observation.put("mac", random.nextInt(4) == 0 ? text(random) : "00:00:5e:00:53:" + (10 + i));
            observation.put("seenAt", random.nextInt(4) == 0 ? text(random) : "2024-07-08T14:00:00Z");
            if (random.nextBoolean()) {
                observation.put("ip", random.nextBoolean() ? "2001:db8::5" : text(random));
            }
            if (random.nextInt(6) == 0) {
                observation.set(FIELDS.get(random.nextInt(FIELDS.size())), value(random));
            }
        }
        return observations;
    }

    /** A JSON value of any type, the text ones odd on purpose. */
    private static JsonNode value(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> NODES.objectNode();
            case 4 -> NODES.arrayNode().add(text(random));
            default -> NODES.textNode(text(random));
        };
    }

    private static String text(SplittableRandom random) {
        return switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> "x".repeat(random.nextInt(60, 300));
            case 2 -> "2024-07-08 14:00:00";
            case 3 -> "+999999999-12-31T23:59:59Z";
            case 4 -> "\u0660\u0660:00:5e:00:53:30";
            case 5 -> "a\u0000b\n\u202e";
            case 6 -> String.valueOf(random.nextLong());
            default -> "-999999999-01-01T00:00:00Z";
        };
    }

    private static String truncated(SplittableRandom random, String text) {
        return text.substring(0, random.nextInt(text.length()));
    }
}
