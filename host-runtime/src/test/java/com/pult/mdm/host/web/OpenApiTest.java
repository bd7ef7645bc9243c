package com.pult.mdm.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The served OpenAPI description and the routes Javalin registered are the same set of (method, path). */
class OpenApiTest {

    @TempDir
    Path home;

    @Test
    void openApiDescribesExactlyTheRegisteredRoutes() throws Exception {
        try (ApiFixture api = new ApiFixture(home)) {
            HttpResponse<String> served = api.get("/api/v1/openapi.json", api.acme);
            assertEquals(200, served.statusCode());

            Set<String> documented = operations(ApiFixture.json(served));
            Set<String> registered = new TreeSet<>(api.server.registeredRoutes());

            assertEquals(registered, documented);
        }
    }

    private static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            path.getValue()
                    .fieldNames()
                    .forEachRemaining(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
        }
        return operations;
    }
}
