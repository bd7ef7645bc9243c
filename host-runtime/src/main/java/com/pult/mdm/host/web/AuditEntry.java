package com.pult.mdm.host.web;

import java.time.Instant;

/**
 * One admin action through the API.
 *
 * @param id assigned by the store, increasing
 * @param orgId the organization acted on
 * @param tokenId who: the token's id
 * @param tokenName who: the token's name when it acted
 * @param action what: method and route, such as {@code POST /api/v1/integrations/{id}/sync}
 * @param target what: the path as requested, such as {@code /api/v1/integrations/4f1c…/sync}
 * @param status the HTTP status answered, so refused actions show too
 * @param remoteAddress from where: the client's address as the host saw it
 * @param at when
 */
public record AuditEntry(
        long id,
        String orgId,
        String tokenId,
        String tokenName,
        String action,
        String target,
        int status,
        String remoteAddress,
        Instant at) {}
