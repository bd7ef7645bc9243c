package com.pult.mdm.host.sync;

import com.pult.mdm.spi.ApiLimits;
import com.pult.mdm.spi.AssignedUser;
import com.pult.mdm.spi.AuthenticationException;
import com.pult.mdm.spi.Capability;
import com.pult.mdm.spi.ConfigurationException;
import com.pult.mdm.spi.CredentialField;
import com.pult.mdm.spi.DeviceDetail;
import com.pult.mdm.spi.Email;
import com.pult.mdm.spi.FetchContext;
import com.pult.mdm.spi.MacAddress;
import com.pult.mdm.spi.MdmDevice;
import com.pult.mdm.spi.MdmException;
import com.pult.mdm.spi.MdmProvider;
import com.pult.mdm.spi.MdmProviderFactory;
import com.pult.mdm.spi.Normalization;
import com.pult.mdm.spi.Platform;
import com.pult.mdm.spi.ProviderConfig;
import com.pult.mdm.spi.RawRecord;
import com.pult.mdm.spi.RecordSink;
import com.pult.mdm.spi.RejectReason;
import com.pult.mdm.spi.SerialNumber;
import com.pult.mdm.spi.TransientException;
import com.pult.mdm.spi.ValidationResult;
import com.pult.mdm.spi.WifiIpBinding;
import com.pult.mdm.spi.WifiIpExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory MDM vendor for the host's unit tests: a fleet of devices, a token that can be revoked, and faults.
 * Records travel as {@code id|serial|email|archived|mdm|mac|ip|checkIn} lines.
 */
final class FakeVendor implements MdmProviderFactory {

    static final String GOOD_TOKEN = "good-token";

    final Map<String, String> fleet = new ConcurrentHashMap<>();
    final AtomicInteger fetches = new AtomicInteger();
    final AtomicInteger validations = new AtomicInteger();
    volatile String acceptedToken = GOOD_TOKEN;
    volatile MdmException failAfterListing;
    volatile MdmException failBeforeListing;
    volatile CountDownLatch holdDuringFetch;
    volatile CountDownLatch fetchStarted;

    void put(String id, String serial, String email, String mac, String ip, String checkIn) {
        fleet.put(id, String.join("|", id, serial, email, "false", "true", mac, ip, checkIn));
    }

    void put(String id, String line) {
        fleet.put(id, line);
    }

    @Override
    public String id() {
        return "fake";
    }

    @Override
    public String displayName() {
        return "Fake MDM";
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(
                new CredentialField("url", "URL", false, true, "https://fake", ""),
                new CredentialField("token", "Token", true, true, "", ""));
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.WIFI_IP, Capability.DETAILS_PER_DEVICE);
    }

    @Override
    public ApiLimits apiLimits() {
        return new ApiLimits(1_000_000, 10_000);
    }

    @Override
    public MdmProvider create(ProviderConfig config) throws ConfigurationException {
        String url = config.require("url");
        if (!url.startsWith("https://")) {
            throw new ConfigurationException("url", "The URL must start with https://.");
        }
        return new Provider(config.require("token"));
    }

    final class Provider implements MdmProvider, WifiIpExtension {
        private final String token;

        Provider(String token) {
            this.token = token;
        }

        @Override
        public ValidationResult validate() {
            validations.incrementAndGet();
            if (token.equals(acceptedToken)) {
                return ValidationResult.ok();
            }
            return new ValidationResult(List.of(new ValidationResult.Problem(
                    ValidationResult.Code.PERMISSION_MISSING, "token", "Device list", "The token was rejected.")));
        }

        @Override
        public void fetch(FetchContext context, RecordSink sink) throws MdmException, InterruptedException {
            fetches.incrementAndGet();
            context.budget().acquire();
            if (fetchStarted != null) {
                fetchStarted.countDown();
            }
            if (!token.equals(acceptedToken)) {
                throw new AuthenticationException("The token was rejected (401).", "Device list");
            }
            if (failBeforeListing != null) {
                throw failBeforeListing;
            }
            List<String> lines = List.copyOf(fleet.values());
            for (String line : lines) {
                sink.device(new RawRecord(RawRecord.Kind.DEVICE, line.split("\\|")[0], line, Instant.now()));
            }
            if (holdDuringFetch != null) {
                holdDuringFetch.await();
            }
            if (context.isCancelled()) {
                throw new com.pult.mdm.spi.SyncCancelledException("cancelled");
            }
            sink.listingComplete();
            if (failAfterListing != null) {
                throw failAfterListing;
            }
            for (String line : lines) {
                context.budget().acquire();
                sink.detail(new RawRecord(RawRecord.Kind.DETAIL, line.split("\\|")[0], line, Instant.now()));
            }
        }

        @Override
        public Normalization normalize(RawRecord record) {
            String[] f = record.body().split("\\|", -1);
            if (f.length != 8) {
                return new Normalization.Rejected(record.deviceId(), RejectReason.MALFORMED, "not 8 fields");
            }
            if (record.kind() == RawRecord.Kind.DETAIL) {
                return new Normalization.Detail(new DeviceDetail(f[0], MacAddress.parseUsable(f[5]), Optional.empty()));
            }
            if (f[2].isEmpty()) {
                return new Normalization.Rejected(f[0], RejectReason.NO_ASSIGNED_USER, "no user");
            }
            return new Normalization.Device(new MdmDevice(
                    f[0],
                    SerialNumber.parse(f[1]),
                    Optional.empty(),
                    new AssignedUser(Email.parse(f[2]), "", Boolean.parseBoolean(f[3]), ""),
                    Boolean.parseBoolean(f[4]),
                    "Device " + f[0],
                    "Model",
                    "1.0",
                    Platform.MAC,
                    f[7].isEmpty() ? Optional.empty() : Optional.of(Instant.parse(f[7]))));
        }

        @Override
        public Optional<WifiIpBinding> wifiIp(RawRecord record) {
            String[] f = record.body().split("\\|", -1);
            return WifiIpBinding.canonicalAddress(f[6])
                    .map(ip -> new WifiIpBinding(ip, f[7].isEmpty() ? record.fetchedAt() : Instant.parse(f[7])));
        }

        @Override
        public void close() {}
    }

    static TransientException transientFailure() {
        return new TransientException("The vendor answered 503 four times.", null);
    }
}
