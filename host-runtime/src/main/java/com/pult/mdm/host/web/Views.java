package com.pult.mdm.host.web;

import com.pult.mdm.host.manual.ManualDevice;
import com.pult.mdm.host.match.AuthResult;
import com.pult.mdm.host.match.UserMatch;
import com.pult.mdm.host.plugin.PluginProblem;
import com.pult.mdm.host.plugin.RegisteredProvider;
import com.pult.mdm.host.presence.BatchResult;
import com.pult.mdm.host.presence.DeviceRow;
import com.pult.mdm.host.presence.InspectorSummary;
import com.pult.mdm.host.presence.PresenceDay;
import com.pult.mdm.host.store.StoredDevice;
import com.pult.mdm.host.store.SyncRun;
import com.pult.mdm.host.sync.IntegrationStatus;
import com.pult.mdm.host.sync.SyncProgress;
import com.pult.mdm.host.users.PultUser;
import com.pult.mdm.spi.Capability;
import com.pult.mdm.spi.CredentialField;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON shapes of the API, written out field by field so that a change to a host record never changes the
 * wire format by accident. Times are ISO-8601 UTC strings; absent values are null.
 */
final class Views {

    private Views() {}

    static Map<String, Object> provider(
            RegisteredProvider registered,
            boolean enabled,
            List<CredentialField> fields,
            Set<Capability> capabilities) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", registered.provider().id());
        view.put("displayName", registered.provider().displayName());
        view.put("bundle", registered.provider().bundleSymbolicName());
        view.put("version", registered.provider().version().toString());
        view.put("jar", registered.provider().jar());
        view.put("status", registered.status().name());
        view.put("enabled", enabled);
        view.put("fields", fields.stream().map(Views::credentialField).toList());
        view.put("capabilities", capabilities.stream().map(Enum::name).sorted().toList());
        return view;
    }

    /** One field of a provider's form, as the dashboard renders it. */
    private static Map<String, Object> credentialField(CredentialField field) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", field.name());
        view.put("label", field.label());
        view.put("secret", field.secret());
        view.put("required", field.required());
        view.put("formatHint", field.formatHint());
        view.put("helpText", field.helpText());
        return view;
    }

    static Map<String, Object> pluginProblem(PluginProblem problem) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("jar", problem.jar());
        view.put("kind", problem.kind().name());
        view.put("reason", problem.reason());
        view.put("since", time(problem.since()));
        return view;
    }

    static Map<String, Object> integration(IntegrationStatus status) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", status.id());
        view.put("provider", status.providerId());
        view.put("name", status.name());
        view.put("fields", status.fields());
        view.put("state", status.state().name());
        view.put("reason", status.reason());
        view.put("authFailures", status.authFailures());
        view.put("intervalMinutes", status.interval().toMinutes());
        view.put("devices", status.devices());
        view.put("lastSyncAt", time(status.lastSyncAt()));
        view.put("lastSuccessAt", time(status.lastSuccessAt()));
        view.put("nextSyncAt", time(status.nextSyncAt()));
        view.put("progress", status.progress().map(Views::progress).orElse(null));
        return view;
    }

    private static Map<String, Object> progress(SyncProgress progress) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("startedAt", time(progress.startedAt()));
        view.put("phase", progress.phase());
        view.put("done", progress.done());
        view.put("total", progress.total());
        view.put("requests", progress.requests());
        return view;
    }

    static Map<String, Object> run(SyncRun run) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", run.id());
        view.put("startedAt", time(run.startedAt()));
        view.put("endedAt", time(run.endedAt()));
        view.put("outcome", run.outcome().name());
        view.put("devicesSeen", run.devicesSeen());
        view.put("accepted", run.accepted());
        view.put("rejected", run.rejected());
        view.put("removed", run.removed());
        view.put("detailsFetched", run.detailsFetched());
        view.put("requests", run.requests());
        view.put("rateLimited", run.rateLimited());
        view.put("message", run.message());
        return view;
    }

    static Map<String, Object> user(PultUser user) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", user.id());
        view.put("email", user.email());
        view.put("name", user.name());
        view.put("aliases", user.aliases());
        return view;
    }

    static Map<String, Object> manualDevice(ManualDevice device) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("email", device.email());
        view.put("mac", device.mac());
        view.put("line", device.line());
        view.put("savedAt", time(device.savedAt()));
        return view;
    }

    static Map<String, Object> match(UserMatch match) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", match.kind().name());
        view.put("input", match.input());
        view.put("normalized", match.normalized().orElse(null));
        view.put("resolved", match.resolved());
        view.put("reason", match.reason().name());
        view.put("device", match.device().map(Views::device).orElse(null));
        view.put("email", match.email().orElse(null));
        view.put("user", match.user().map(Views::user).orElse(null));
        view.put("explanation", match.explanation());
        return view;
    }

    private static Map<String, Object> device(StoredDevice device) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("integrationId", device.integrationId());
        view.put("deviceId", device.deviceId());
        view.put("name", device.name());
        view.put("serial", device.serial().orElse(null));
        view.put("wifiMac", device.wifiMac().orElse(null));
        view.put("goneSince", time(device.goneSince()));
        return view;
    }

    static Map<String, Object> authentication(AuthResult result) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status", result.status().name());
        view.put("user", result.user().map(Views::user).orElse(null));
        view.put("policy", result.policy().name());
        view.put("reasons", result.reasons());
        view.put("traces", result.traces().stream().map(Views::match).toList());
        return view;
    }

    static Map<String, Object> batch(BatchResult result) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("accepted", result.accepted());
        view.put("attributed", result.attributed());
        view.put("rejected", result.rejected());
        view.put(
                "attributions",
                result.attributions().stream()
                        .map(a -> {
                            Map<String, Object> one = new LinkedHashMap<>();
                            one.put("index", a.index());
                            one.put("mac", a.mac());
                            one.put("reason", a.reason().name());
                            one.put("via", a.via() == null ? null : a.via().name());
                            one.put("userId", a.userId());
                            one.put("deviceId", a.deviceId());
                            return one;
                        })
                        .toList());
        return view;
    }

    static Map<String, Object> presenceDay(PresenceDay day) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("day", day.day().toString());
        view.put("firstSeen", day.firstSeenLocal().toString());
        view.put("lastSeen", day.lastSeenLocal().toString());
        view.put("sightings", day.sightings());
        view.put("lastAccessPoint", day.lastAccessPoint());
        view.put("lastSsid", day.lastSsid());
        return view;
    }

    static Map<String, Object> summary(InspectorSummary summary) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("mdmDevices", summary.mdmDevices());
        view.put("manualDevices", summary.manualDevices());
        view.put("wifiClients", summary.wifiClients());
        view.put("matchedClients", summary.matchedClients());
        view.put("windowMinutes", summary.window().toMinutes());
        return view;
    }

    static Map<String, Object> deviceRow(DeviceRow row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("integrationId", row.integrationId());
        view.put("deviceId", row.deviceId());
        view.put("email", row.email());
        view.put("serial", row.serial());
        view.put("wifiMac", row.wifiMac());
        view.put("otherMacs", row.otherMacs());
        view.put("lastUpdated", time(row.lastUpdated()));
        view.put("userEmail", row.userEmail());
        view.put("seenOnWifi", row.seenOnWifi());
        return view;
    }

    static Map<String, Object> token(ApiToken token) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", token.id());
        view.put("name", token.name());
        view.put("hostAdmin", token.hostAdmin());
        view.put("createdAt", time(token.createdAt()));
        view.put("rotatedAt", time(token.rotatedAt()));
        view.put("lastUsedAt", time(token.lastUsedAt()));
        return view;
    }

    /** A token with its secret: the one answer that shows it. */
    static Map<String, Object> issued(IssuedToken issued) {
        Map<String, Object> view = token(issued.token());
        view.put("token", issued.secret());
        return view;
    }

    static Map<String, Object> audit(AuditEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.id());
        view.put("tokenId", entry.tokenId());
        view.put("tokenName", entry.tokenName());
        view.put("action", entry.action());
        view.put("target", entry.target());
        view.put("status", entry.status());
        view.put("remoteAddress", entry.remoteAddress());
        view.put("at", time(entry.at()));
        return view;
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static String time(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
