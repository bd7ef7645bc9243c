package com.pult.mdm.host.web;

/** Who may call a route. */
enum Access {
    /** Anyone who reaches the port: the health checks only. */
    PUBLIC,
    /** Any valid token; the route works on the token's organization and nothing else. */
    ORGANIZATION,
    /** A token marked host-admin: the route affects or reveals every organization. */
    HOST_ADMIN
}
