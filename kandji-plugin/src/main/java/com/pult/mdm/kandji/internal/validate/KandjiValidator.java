package com.pult.mdm.kandji.internal.validate;

import com.pult.mdm.kandji.internal.api.KandjiClient;
import com.pult.mdm.kandji.internal.api.KandjiDataException;
import com.pult.mdm.kandji.internal.api.KandjiEndpoint;
import com.pult.mdm.kandji.internal.api.KandjiNetworkFailure;
import com.pult.mdm.kandji.internal.api.KandjiResponse;
import com.pult.mdm.kandji.internal.api.dto.KandjiListingPage;
import com.pult.mdm.kandji.internal.config.KandjiApiUrl;
import com.pult.mdm.kandji.internal.config.KandjiConfig;
import com.pult.mdm.spi.ValidationResult;
import com.pult.mdm.spi.ValidationResult.Code;
import com.pult.mdm.spi.ValidationResult.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves each permission a sync needs with the cheapest real request: the first device of the list (Device
 * list), that device's row (Device ID) and its details (Device details). One attempt each, no retries: an admin
 * is waiting for the answer.
 *
 * <p>Note: a tenant without devices cannot prove Device ID and Device details. {@link ValidationResult} has no
 * place for a notice, so the skip is only logged; a missing permission then surfaces as an authentication
 * failure naming it at the first sync that finds a device.
 */
public final class KandjiValidator {

    private final Logger logger = LoggerFactory.getLogger(KandjiValidator.class);
    private final KandjiClient client;

    public KandjiValidator(KandjiClient client) {
        this.client = client;
    }

    /** Every problem found; expected failures are results, never exceptions. */
    public ValidationResult validate() {
        Probe list = probe(KandjiEndpoint.DEVICE_LIST, KandjiEndpoint.listPath(0, 1));
        if (list.problem().isPresent()) {
            return new ValidationResult(List.of(list.problem().get()));
        }
        Optional<String> deviceId;
        try {
            deviceId = KandjiListingPage.parse(list.response().body()).rows().stream()
                    .map(KandjiListingPage::deviceId)
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (KandjiDataException e) {
            return new ValidationResult(List.of(vendorError(
                    KandjiEndpoint.DEVICE_LIST,
                    "HTTP 200 with a body that" + " is not a device list (" + e.getMessage() + ")")));
        }
        if (deviceId.isEmpty()) {
            logger.info(
                    "Skipped the Device ID and Device details checks: the Kandji tenant at '{}' has no devices"
                            + " yet, so they are proven at the first sync",
                    client.host());
            return ValidationResult.ok();
        }
        return validateDevicePermissions(deviceId.get());
    }

    private ValidationResult validateDevicePermissions(String deviceId) {
        List<Problem> problems = new ArrayList<>();
        Probe device = probe(KandjiEndpoint.DEVICE_ID, KandjiEndpoint.devicePath(deviceId));
        device.problem().ifPresent(problems::add);
        // A missing permission does not stop the next check: the admin fixes both at once.
        if (device.problem().isEmpty() || device.problem().get().code() == Code.PERMISSION_MISSING) {
            probe(KandjiEndpoint.DEVICE_DETAILS, KandjiEndpoint.detailsPath(deviceId))
                    .problem()
                    .ifPresent(problems::add);
        }
        return new ValidationResult(problems);
    }

    private Probe probe(KandjiEndpoint endpoint, String path) {
        try {
            KandjiResponse response = client.get(path);
            return new Probe(response, problemOf(endpoint, response));
        } catch (IOException e) {
            String reason = KandjiNetworkFailure.describe(e, client.host());
            logger.debug("Failed to reach Kandji for {}: {}", endpoint, reason, e);
            return new Probe(null, Optional.of(new Problem(Code.UNREACHABLE, KandjiApiUrl.FIELD, "", reason)));
        }
    }

    private Optional<Problem> problemOf(KandjiEndpoint endpoint, KandjiResponse response) {
        int status = response.status();
        if (status == 200) {
            return Optional.empty();
        }
        if (status == 401 || status == 403) {
            return Optional.of(permissionMissing(endpoint, status));
        }
        if (status == 429) {
            return Optional.of(new Problem(
                    Code.RATE_LIMITED,
                    "",
                    "",
                    "Kandji refused " + endpoint.template() + " for rate limits (HTTP 429): the tenant's"
                            + " 10,000 requests an hour are spent. Try again later."));
        }
        if (status == 404 && endpoint == KandjiEndpoint.DEVICE_LIST) {
            return Optional.of(new Problem(
                    Code.INVALID_URL,
                    KandjiApiUrl.FIELD,
                    "",
                    "'" + client.host()
                            + "' answered HTTP 404 to " + endpoint.template()
                            + ": it is not a Kandji API. Copy the API URL"
                            + " from Kandji under Settings → Access."));
        }
        return Optional.of(vendorError(endpoint, "HTTP " + status));
    }

    private static Problem permissionMissing(KandjiEndpoint endpoint, int status) {
        String message = endpoint == KandjiEndpoint.DEVICE_LIST
                ? "Kandji refused " + endpoint.template() + " with HTTP " + status + ": the token is invalid, revoked,"
                        + " expired, or lacks the Device list permission."
                : "Kandji refused " + endpoint.template() + " with HTTP " + status + ": the token lacks the '"
                        + endpoint.permission() + "' permission (or was revoked meanwhile).";
        return new Problem(
                Code.PERMISSION_MISSING,
                KandjiConfig.TOKEN_FIELD,
                endpoint.permission(),
                message
                        + " Check the token's permissions under Settings → Access in Kandji: a sync needs Device list,"
                        + " Device ID and Device details.");
    }

    private static Problem vendorError(KandjiEndpoint endpoint, String what) {
        return new Problem(
                Code.VENDOR_ERROR,
                "",
                "",
                "Kandji answered " + endpoint.template() + " with " + what
                        + ", which the provider does not expect. Try again later; if it persists, Kandji may"
                        + " have changed its API.");
    }

    /** The answer of one check, or the problem it revealed. */
    private record Probe(KandjiResponse response, Optional<Problem> problem) {}
}
