package com.pult.mdm.host.web;

import com.pult.mdm.host.HostServices;
import com.pult.mdm.host.sync.IntegrationException;
import com.pult.mdm.host.sync.IntegrationService;
import com.pult.mdm.host.sync.IntegrationStatus;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The organization's integrations: create (validated by the provider against the vendor), update, delete,
 * enable, disable, reset, sync now, confirm removals, status and sync history. An integration of another
 * organization answers 404, exactly like one that does not exist.
 */
final class IntegrationRoutes {

    private static final String BASE = "/api/v1/integrations";
    private static final String ONE = BASE + "/{id}";
    private static final int MAX_FIELDS = 50;
    private static final int FIELD_LENGTH = 4_096;
    private static final int NAME_LENGTH = 200;
    private static final int MAX_INTERVAL_MINUTES = 7 * 24 * 60;

    private final IntegrationService integrations;

    IntegrationRoutes(HostServices services) {
        this.integrations = services.integrations();
    }

    List<Route> routes() {
        return List.of(
                Route.get(BASE, Access.ORGANIZATION, this::list),
                Route.post(BASE, Access.ORGANIZATION, this::create),
                Route.get(ONE, Access.ORGANIZATION, call -> Reply.ok(Views.integration(owned(call)))),
                Route.post(ONE, Access.ORGANIZATION, this::update).withMethod(HandlerType.PATCH),
                Route.delete(ONE, Access.ORGANIZATION, this::delete),
                Route.post(ONE + "/enable", Access.ORGANIZATION, call -> enable(call, true)),
                Route.post(ONE + "/disable", Access.ORGANIZATION, call -> enable(call, false)),
                Route.post(ONE + "/reset", Access.ORGANIZATION, this::reset),
                Route.post(ONE + "/sync", Access.ORGANIZATION, this::syncNow),
                Route.post(ONE + "/confirm-removals", Access.ORGANIZATION, this::confirmRemovals),
                Route.get(ONE + "/runs", Access.ORGANIZATION, this::runs));
    }

    private Reply list(Call call) throws IntegrationException {
        return Reply.ok(Map.of(
                "integrations",
                integrations.list(call.orgId()).stream().map(Views::integration).toList()));
    }

    private Reply create(Call call) throws Exception {
        Input input = call.input().allowOnly(Set.of("provider", "name", "fields", "intervalMinutes"));
        String provider = input.requiredText("provider", 64);
        String name = input.optionalText("name", NAME_LENGTH).orElse("");
        Map<String, String> fields = input.textMap("fields", MAX_FIELDS, FIELD_LENGTH);
        Optional<Duration> interval = interval(input);
        IntegrationStatus created = integrations.create(call.orgId(), provider, name, fields, interval);
        return Reply.created(Views.integration(created));
    }

    private Reply update(Call call) throws Exception {
        IntegrationStatus owned = owned(call);
        Input input = call.input().allowOnly(Set.of("name", "fields", "intervalMinutes"));
        Optional<String> name = input.optionalText("name", NAME_LENGTH);
        Map<String, String> fields = input.textMap("fields", MAX_FIELDS, FIELD_LENGTH);
        IntegrationStatus updated = integrations.update(owned.id(), name, fields, interval(input));
        return Reply.ok(Views.integration(updated));
    }

    private Reply delete(Call call) throws Exception {
        integrations.delete(owned(call).id());
        return Reply.noContent();
    }

    private Reply enable(Call call, boolean enabled) throws Exception {
        return Reply.ok(Views.integration(integrations.setEnabled(owned(call).id(), enabled)));
    }

    /** Reset takes new credentials optionally; an empty body keeps the stored ones. */
    private Reply reset(Call call) throws Exception {
        IntegrationStatus owned = owned(call);
        Map<String, String> fields = Map.of();
        if (!call.text().isBlank()) {
            fields = call.input().allowOnly(Set.of("fields")).textMap("fields", MAX_FIELDS, FIELD_LENGTH);
        }
        return Reply.ok(Views.integration(integrations.reset(owned.id(), fields)));
    }

    private Reply syncNow(Call call) throws Exception {
        String id = owned(call).id();
        integrations.syncNow(id);
        return Reply.accepted(Views.integration(integrations.status(id)));
    }

    private Reply confirmRemovals(Call call) throws Exception {
        String id = owned(call).id();
        integrations.confirmRemovals(id);
        return Reply.accepted(Views.integration(integrations.status(id)));
    }

    private Reply runs(Call call) throws Exception {
        String id = owned(call).id();
        int limit = call.queryInt("limit", 20, 1, 200);
        return Reply.ok(Map.of(
                "runs", integrations.history(id, limit).stream().map(Views::run).toList()));
    }

    /** The integration named in the path, if it belongs to the token's organization; otherwise 404. */
    private IntegrationStatus owned(Call call) throws ApiProblem, IntegrationException {
        String id = call.path("id");
        try {
            IntegrationStatus status = integrations.status(id);
            if (status.orgId().equals(call.orgId())) {
                return status;
            }
        } catch (IntegrationException e) {
            if (e.code() != IntegrationException.Code.NOT_FOUND) {
                throw e;
            }
        }
        throw ApiProblem.notFound("integration-not-found", "No integration '" + id + "' in this organization.");
    }

    private static Optional<Duration> interval(Input input) throws ApiProblem {
        return input.optionalInt("intervalMinutes", 1, MAX_INTERVAL_MINUTES).map(Duration::ofMinutes);
    }
}
