package com.pult.mdm.kandji.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutates real Kandji bodies the way a broken vendor, a proxy or a cut connection could: fields dropped, nulled or
 * of another type, odd text (very long, unicode, control characters, invalid MACs, serials, dates and emails),
 * duplicate keys, truncated text and random bytes. Everything comes from the random given, so a seed replays a case.
 */
public final class KandjiMutator {

    /** The fields the normalizer reads, so mutations hit them more often than the rest of a large body. */
    private static final List<String> READ_FIELDS = List.of(
            "device_id",
            "serial_number",
            "user",
            "email",
            "is_archived",
            "mdm_enabled",
            "last_check_in",
            "last_check_in_datetime",
            "platform",
            "device_name",
            "model",
            "os_version",
            "general",
            "network",
            "mac_address",
            "ip_address",
            "wifi_ipv4_address",
            "hardware",
            "wifi_mac_address",
            "mdm",
            "kandji_agent");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SplittableRandom random;

    public KandjiMutator(SplittableRandom random) {
        this.random = random;
    }

    /** A mutated copy of the body: one to four mutations of the tree, then sometimes one of the text. */
    public String mutate(JsonNode sample) {
        JsonNode tree = sample.deepCopy();
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            tree = mutateTree(tree);
        }
        String text = tree.toString();
        return random.nextInt(4) == 0 ? mutateText(text) : text;
    }

    private JsonNode mutateTree(JsonNode root) {
        if (random.nextInt(12) == 0) {
            return value();
        }
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        if (slots.isEmpty()) {
            return root;
        }
        List<Slot> read = slots.stream()
                .filter(slot -> slot.name() != null && READ_FIELDS.contains(slot.name()))
                .toList();
        Slot slot = !read.isEmpty() && random.nextInt(4) != 0 ? pick(read) : pick(slots);
        switch (random.nextInt(4)) {
            case 0 -> slot.remove();
            case 1 -> slot.set(NODES.nullNode());
            default -> slot.set(value());
        }
        return root;
    }

    private void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> slots.add(new Slot(object, name, -1)));
            object.elements().forEachRemaining(child -> collect(child, slots));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }

    /** A random JSON value: each type, and the strings that break parsers. */
    private JsonNode value() {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.numberNode(random.nextLong());
            case 1 -> NODES.numberNode(random.nextDouble() * 1e6);
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> {
                ObjectNode object = NODES.objectNode();
                if (random.nextBoolean()) {
                    object.put(pick(READ_FIELDS), text());
                }
                yield object;
            }
            case 4 -> {
                ArrayNode array = NODES.arrayNode();
                int size = random.nextInt(3);
                for (int i = 0; i < size; i++) {
                    array.add(text());
                }
                yield array;
            }
            default -> NODES.textNode(text());
        };
    }

    /** Text an MDM could send in a field: odd, invalid or hostile. */
    public String text() {
        return switch (random.nextInt(16)) {
            case 0 -> "";
            case 1 -> " ";
            case 2 -> "x".repeat(1 + random.nextInt(100_000));
            case 3 -> "Ana Lima \u00e9\u4e2d\u6587 \ud83d\ude00 \u200b\u202e";
            case 4 -> "a\u0000b\u0007c\n\r\td\u001b[31m";
            case 5 ->
                pick(List.of(
                        "zz:00:5e:00:53:01",
                        "00:00:5e:00:53",
                        "01:00:5e:00:00:fb",
                        "00:00:00:00:00:00",
                        "02:00:00:00:00:00",
                        "ff:ff:ff:ff:ff:ff",
                        "\u0661\u0661:22:33:44:55:66",
                        "0000.5e00.5301"));
            case 6 -> pick(List.of("Not Available", "[REDACTED]", "0000000", "null", "None", "-", "SN\u0000123"));
            case 7 ->
                pick(List.of(
                        "2024-13-45T99:99:99Z",
                        "2024-07-23 14:11:37",
                        "yesterday",
                        "1717400400",
                        "+999999999-12-31T23:59:59Z",
                        "-999999999-01-01T00:00:00Z",
                        "2024-07-23T14:11:37.1234567890Z",
                        "2024-02-30T10:00:00+25:00"));
            case 8 ->
                pick(List.of(
                        "ana@",
                        "@example.com",
                        "a@b",
                        "a b@example.com",
                        "a@@example.com",
                        "ana.lima@example.com",
                        "ANA.LIMA@EXAMPLE.COM ",
                        "null",
                        "none",
                        "x@" + "y".repeat(300) + ".com"));
            case 9 -> pick(List.of("True", "False", "TRUE", "yes", "1", "0"));
            case 10 -> pick(List.of("Mac", "AppleTV", "Apple TV", "tvOS", "Android", "Windows", "iPhone", "toaster"));
            case 11 -> pick(List.of("10.0.0.5", "::1", "fe80::1%en0", "999.1.1.1", "10.0.0", "2001:db8::5"));
            default -> randomString(random.nextInt(40));
        };
    }

    private String randomString(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextBoolean() ? random.nextInt(32, 127) : random.nextInt(0, 0xFFFF)));
        }
        return text.toString();
    }

    /** Truncation, a duplicate key, inserted or deleted characters, or random bytes read as UTF-8. */
    public String mutateText(String text) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length());
        return switch (random.nextInt(5)) {
            case 0 -> text.substring(0, at);
            case 1 -> {
                int brace = text.indexOf('{');
                yield brace < 0
                        ? text
                        : text.substring(0, brace + 1) + "\"device_id\":\"dup\"," + text.substring(brace + 1);
            }
            case 2 -> text.substring(0, at) + randomString(1 + random.nextInt(5)) + text.substring(at);
            case 3 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(20)));
            default -> {
                byte[] bytes = new byte[random.nextInt(64)];
                random.nextBytes(bytes);
                yield new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            }
        };
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** A member of an object or an element of an array. */
    private record Slot(JsonNode parent, String name, int index) {

        void remove() {
            if (parent instanceof ObjectNode object) {
                object.remove(name);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }

        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(name, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }
}
