package com.pult.mdm.kandji.internal.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.spi.Email;
import com.pult.mdm.spi.MdmDevice;
import com.pult.mdm.spi.Normalization;
import com.pult.mdm.spi.Platform;
import com.pult.mdm.spi.RawRecord;
import com.pult.mdm.spi.RejectReason;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The quirks of Kandji's device rows and details, one behaviour per test. */
class KandjiNormalizerTest {

    private final KandjiNormalizer normalizer = new KandjiNormalizer();

    private Normalization device(String json) {
        return normalizer.normalize(new RawRecord(RawRecord.Kind.DEVICE, "", json, Instant.EPOCH));
    }

    private Normalization detail(String json) {
        return normalizer.normalize(new RawRecord(RawRecord.Kind.DETAIL, "dev-1", json, Instant.EPOCH));
    }

    private static String row(String fields) {
        return "{\"device_id\":\"dev-1\",\"serial_number\":\"C02ABC123\",\"platform\":\"Mac\",\"mdm_enabled\":true,"
                + "\"last_check_in\":\"2024-07-23T14:11:37.150080Z\",\"user\":{\"email\":\"ana.lima@example.com\","
                + "\"name\":\"Ana Lima\",\"id\":101,\"is_archived\":false}" + fields + "}";
    }

    private static MdmDevice accepted(Normalization result) {
        return assertInstanceOf(Normalization.Device.class, result, () -> "expected a device: " + result)
                .device();
    }

    private static Normalization.Rejected rejected(Normalization result, RejectReason reason) {
        Normalization.Rejected rejected = assertInstanceOf(Normalization.Rejected.class, result);
        assertEquals(reason, rejected.reason(), rejected.message());
        return rejected;
    }

    /** Case 01: the user is an object, "", {}, null, or an archived object. */
    @Nested
    class AssignedUserForms {

        @Test
        void onlyTheValidUserOfTheSharedCaseIsAcceptedAndItsEmailComparesIgnoringCase() {
            String[] rows = {
                "{\"device_id\":\"dev-001\",\"serial_number\":\"FAKESN00001\",\"user\":{\"email\":"
                        + "\"Ana.Lima@Example.com\",\"name\":\"Ana Lima\",\"id\":101,\"is_archived\":false}}",
                "{\"device_id\":\"dev-002\",\"serial_number\":\"FAKESN00002\",\"user\":\"\"}",
                "{\"device_id\":\"dev-003\",\"serial_number\":\"FAKESN00003\",\"user\":{}}",
                "{\"device_id\":\"dev-004\",\"serial_number\":\"FAKESN00004\",\"user\":null}",
                "{\"device_id\":\"dev-005\",\"serial_number\":\"FAKESN00005\",\"user\":{\"email\":"
                        + "\"old.hire@example.com\",\"name\":\"Old Hire\",\"id\":102,\"is_archived\":true}}",
                "{\"device_id\":\"dev-006\",\"serial_number\":\"FAKESN00006\"}",
                "{\"device_id\":\"dev-007\",\"serial_number\":\"FAKESN00007\",\"user\":{\"name\":\"No Mail\","
                        + "\"id\":103,\"is_archived\":false}}",
            };
            Map<String, RejectReason> reasons = new TreeMap<>();
            Map<String, String> owners = new TreeMap<>();
            for (String row : rows) {
                Normalization result = device(row);
                if (result instanceof Normalization.Device accepted) {
                    owners.put(
                            accepted.deviceId(),
                            accepted.device().user().email().key());
                    assertEquals(
                            Email.parse("ana.lima@example.com"),
                            accepted.device().user().email());
                    assertEquals(
                            "Ana.Lima@Example.com",
                            accepted.device().user().email().value());
                } else if (result instanceof Normalization.Rejected rejected) {
                    reasons.put(rejected.deviceId(), rejected.reason());
                }
            }

            assertEquals(Map.of("dev-001", "ana.lima@example.com"), owners);
            assertEquals(
                    Map.of(
                            "dev-002", RejectReason.NO_ASSIGNED_USER,
                            "dev-003", RejectReason.NO_ASSIGNED_USER,
                            "dev-004", RejectReason.NO_ASSIGNED_USER,
                            "dev-005", RejectReason.USER_ARCHIVED,
                            "dev-006", RejectReason.NO_ASSIGNED_USER,
                            "dev-007", RejectReason.USER_EMAIL_INVALID),
                    reasons);
        }

        @Test
        void userIdAsUuidIsKeptAsText() {
            MdmDevice device = accepted(device(row("").replace("\"id\":101", "\"id\":\"5344c996-8823\"")));

            assertEquals("5344c996-8823", device.user().vendorUserId());
            assertEquals("Ana Lima", device.user().name());
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "null", "None", "NULL", "ana.lima", "ana@", "not an email@example.com"})
        void unusableEmailIsRejected(String email) {
            rejected(device(row("").replace("ana.lima@example.com", email)), RejectReason.USER_EMAIL_INVALID);
        }

        @Test
        void nullEmailIsRejected() {
            rejected(device(row("").replace("\"ana.lima@example.com\"", "null")), RejectReason.USER_EMAIL_INVALID);
        }

        @Test
        void userAsNonEmptyStringIsMalformed() {
            rejected(device(row("").replaceFirst("\"user\":\\{[^}]*}", "\"user\":\"ana\"")), RejectReason.MALFORMED);
        }

        @Test
        void archivedFlagAsStringIsRead() {
            rejected(
                    device(row("").replace("\"is_archived\":false", "\"is_archived\":\"True\"")),
                    RejectReason.USER_ARCHIVED);
        }
    }

    @Nested
    class MdmState {

        @Test
        void mdmDisabledIsRejected() {
            rejected(
                    device(row("").replace("\"mdm_enabled\":true", "\"mdm_enabled\":false")),
                    RejectReason.MDM_DISABLED);
        }

        @ParameterizedTest
        @CsvSource({"\"True\", true", "\"False\", false", "\"true\", true", "\"FALSE\", false"})
        void mdmEnabledAsStringIsRead(String value, boolean enabled) {
            Normalization result = device(row("").replace("\"mdm_enabled\":true", "\"mdm_enabled\":" + value));

            if (enabled) {
                assertTrue(accepted(result).mdmEnabled());
            } else {
                rejected(result, RejectReason.MDM_DISABLED);
            }
        }

        @Test
        void mdmEnabledOfTheWrongTypeIsMalformed() {
            rejected(device(row("").replace("\"mdm_enabled\":true", "\"mdm_enabled\":[1]")), RejectReason.MALFORMED);
        }
    }

    @Nested
    class Serials {

        @ParameterizedTest
        @ValueSource(strings = {"[REDACTED]", "Not Available", "", "  ", "0"})
        void placeholderSerialGivesNoSerialButTheDeviceIsKept(String serial) {
            MdmDevice device = accepted(device(row("").replace("C02ABC123", serial)));

            assertTrue(device.serial().isEmpty());
        }

        @Test
        void missingSerialGivesNoSerial() {
            assertTrue(accepted(device(row("").replace("\"serial_number\":\"C02ABC123\",", "")))
                    .serial()
                    .isEmpty());
        }

        @Test
        void serialIsTrimmedAndUpperCased() {
            assertEquals(
                    "C02ABC123",
                    accepted(device(row("").replace("C02ABC123", " c02abc123 ")))
                            .serial()
                            .orElseThrow()
                            .value());
        }
    }

    @Nested
    class CheckInTimes {

        @ParameterizedTest
        @CsvSource({
            "2024-07-23T14:11:37.150080Z, 2024-07-23T14:11:37.150080Z",
            "2026-07-01T19:02:37.320664+00:00, 2026-07-01T19:02:37.320664Z",
            "2024-01-26 16:15:36.087016+00:00, 2024-01-26T16:15:36.087016Z",
            "2024-06-17 11:32:35+00:00, 2024-06-17T11:32:35Z",
            "2024-05-13 20:09:23 +0000, 2024-05-13T20:09:23Z",
        })
        void everyKandjiTimestampFormIsRead(String sent, String expected) {
            MdmDevice device = accepted(device(row("").replace("2024-07-23T14:11:37.150080Z", sent)));

            assertEquals(Optional.of(Instant.parse(expected)), device.lastCheckIn());
        }

        @Test
        void emptyLastCheckInMeansNever() {
            assertTrue(accepted(device(row("").replace("2024-07-23T14:11:37.150080Z", "")))
                    .lastCheckIn()
                    .isEmpty());
        }

        @Test
        void unreadableLastCheckInIsMalformed() {
            Normalization.Rejected result = rejected(
                    device(row("").replace("2024-07-23T14:11:37.150080Z", "yesterday")), RejectReason.MALFORMED);

            assertTrue(result.message().contains("last_check_in"), result.message());
            assertEquals("dev-1", result.deviceId());
        }

        @Test
        void timestampWithoutZoneIsMalformedNotGuessed() {
            rejected(
                    device(row("").replace("2024-07-23T14:11:37.150080Z", "2024-07-23T14:11:37")),
                    RejectReason.MALFORMED);
        }
    }

    @Nested
    class Shapes {

        @ParameterizedTest
        @CsvSource({
            "Mac, MAC",
            "iPhone, IPHONE",
            "iPad, IPAD",
            "AppleTV, APPLE_TV",
            "Windows, WINDOWS",
            "Android, ANDROID",
            "visionOS, OTHER",
            "'', OTHER"
        })
        void platformWordsMapToFamilies(String word, Platform platform) {
            assertEquals(
                    platform,
                    accepted(device(row("").replace("\"Mac\"", "\"" + word + "\"")))
                            .platform());
        }

        @Test
        void nameIsKeptExactlyWithTypographicApostrophe() {
            assertEquals(
                    "Jane’s MacBook Air ",
                    accepted(device(row(",\"device_name\":\"Jane’s MacBook Air \"")))
                            .name());
        }

        @Test
        void unknownFieldsAreIgnored() {
            accepted(device(row(",\"brand_new_field\":{\"nested\":[1,2]},\"tags\":[\"x\"]")));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "[1,2]",
                    "\"a string\"",
                    "42",
                    "null",
                    "{\"serial_number\":\"X\"}",
                    "{\"device_id\":\"\"}",
                    "{\"device_id\":7}",
                    "not json",
                    "{\"device_id\":\"d\"",
                    ""
                })
        void recordsThatAreNotADeviceAreMalformed(String json) {
            rejected(device(json), RejectReason.MALFORMED);
        }

        @Test
        void serialOfTheWrongTypeIsMalformed() {
            rejected(device(row("").replace("\"C02ABC123\"", "{\"v\":1}")), RejectReason.MALFORMED);
        }
    }

    @Nested
    class Details {

        @Test
        void placeholderMacMeansNoMac() {
            assertTrue(assertInstanceOf(
                            Normalization.Detail.class, detail("{\"network\":{\"mac_address\":\"02:00:00:00:00:00\"}}"))
                    .detail()
                    .wifiMac()
                    .isEmpty());
        }

        @Test
        void macInAnotherSpellingIsCanonicalized() {
            assertEquals(
                    "00:00:5e:00:53:01",
                    assertInstanceOf(
                                    Normalization.Detail.class,
                                    detail("{\"network\":{\"mac_address\":\"00-00-5E-00-53-01\"}}"))
                            .detail()
                            .wifiMac()
                            .orElseThrow()
                            .toString());
        }

        @Test
        void unreadableMacIsMalformedWithTheReason() {
            Normalization.Rejected result =
                    rejected(detail("{\"network\":{\"mac_address\":\"zz:zz\"}}"), RejectReason.MALFORMED);

            assertTrue(result.message().contains("MAC"), result.message());
            assertEquals("dev-1", result.deviceId());
        }

        @Test
        void networkAsEmptyStringMeansNoMac() {
            assertTrue(assertInstanceOf(Normalization.Detail.class, detail("{\"network\":\"\"}"))
                    .detail()
                    .wifiMac()
                    .isEmpty());
        }

        @Test
        void detailsThatAreNotJsonAreMalformed() {
            rejected(detail("<!doctype html><h1>Not Found</h1>"), RejectReason.MALFORMED);
        }

        @Test
        void latestOfTheCheckInsIsTaken() {
            Normalization result = detail("{\"mdm\":{\"last_check_in\":\"2024-07-23 12:43:15+00:00\"},"
                    + "\"kandji_agent\":{\"last_check_in\":\"2024-07-23T14:26:49Z\","
                    + "\"last_check_in_datetime\":\"2024-07-22T00:00:00Z\"}}");

            assertEquals(
                    Optional.of(Instant.parse("2024-07-23T14:26:49Z")),
                    assertInstanceOf(Normalization.Detail.class, result)
                            .detail()
                            .lastCheckIn());
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "0.0.0.0", "not-an-ip", "fe80::1%en0x", "999.1.1.1"})
        void unusableIpGivesNoBinding(String ip) {
            RawRecord record = new RawRecord(
                    RawRecord.Kind.DETAIL,
                    "dev-1",
                    "{\"mdm\":{\"last_check_in\":\"2024-07-23 12:43:15+00:00\"},\"network\":{\"ip_address\":\"" + ip
                            + "\"}}",
                    Instant.EPOCH);

            assertTrue(normalizer.wifiIp(record).isEmpty());
        }

        @Test
        void ipv6IsCanonicalized() {
            RawRecord record = new RawRecord(
                    RawRecord.Kind.DETAIL,
                    "dev-1",
                    "{\"mdm\":{\"last_check_in\":\"2024-07-23 12:43:15+00:00\"},"
                            + "\"network\":{\"ip_address\":\"2001:DB8:0:0:0:0:0:1\"}}",
                    Instant.EPOCH);

            assertEquals(
                    "2001:db8:0:0:0:0:0:1",
                    normalizer.wifiIp(record).orElseThrow().address());
        }

        @Test
        void wifiIpOfADeviceRecordIsEmpty() {
            assertFalse(normalizer
                    .wifiIp(new RawRecord(RawRecord.Kind.DEVICE, "dev-1", row(""), Instant.EPOCH))
                    .isPresent());
        }
    }
}
