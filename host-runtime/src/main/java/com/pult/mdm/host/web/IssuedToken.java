package com.pult.mdm.host.web;

/**
 * A token just created or rotated: the only time the plain secret exists outside the admin's hands.
 *
 * @param token what the host stored about it
 * @param secret the value to send as {@code Authorization: Bearer <secret>}; shown once, never stored
 */
public record IssuedToken(ApiToken token, String secret) {}
