package com.pult.mdm.host;

import com.pult.mdm.host.store.Organization;
import com.pult.mdm.host.web.ApiTokens;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * What {@code pult-host token create} was asked for, checked before anything is written.
 *
 * @param orgId the organization the token belongs to
 * @param organization the organization to create when it does not exist yet
 * @param tokenName the token's name, such as {@code admin}
 * @param hostAdmin whether the token may also enable or disable providers and read metrics
 */
record TokenRequest(String orgId, Organization organization, String tokenName, boolean hostAdmin) {

    /** The id column holds 64 characters; hyphens only between letters or digits. */
    private static final Pattern ORG_ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    private static final int ORG_NAME_MAX = 200;

    /**
     * Checks the command's values.
     *
     * @param orgName the new organization's name, or null for its id
     * @param timeZone the new organization's time zone, or null for {@code systemZone}
     * @throws IllegalArgumentException with one line saying which value is wrong and what a right one looks like
     */
    static TokenRequest of(
            String orgId, String orgName, String timeZone, ZoneId systemZone, String tokenName, boolean hostAdmin) {
        if (orgId == null || !ORG_ID.matcher(orgId).matches()) {
            throw new IllegalArgumentException("'" + orgId + "' is not an organization id: use 1 to 64 lower-case"
                    + " letters, digits and hyphens (not at either end), such as acme or acme-eu");
        }
        String name = orgName == null ? orgId : orgName.strip();
        if (name.isEmpty() || name.length() > ORG_NAME_MAX) {
            throw new IllegalArgumentException(
                    "the organization's name must have 1 to " + ORG_NAME_MAX + " characters");
        }
        ZoneId zone = timeZone == null ? systemZone : zone(timeZone);
        String token = tokenName == null ? "" : tokenName.strip();
        if (token.isEmpty() || token.length() > ApiTokens.NAME_MAX) {
            throw new IllegalArgumentException("the token's name must have 1 to " + ApiTokens.NAME_MAX
                    + " characters, such as admin or dashboard");
        }
        Organization organization = new Organization(orgId, name, zone, Organization.AuthPolicy.PRESELECT);
        return new TokenRequest(orgId, organization, token, hostAdmin);
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + value + "' is not a time zone: use a region such as"
                    + " Europe/Berlin or America/New_York, or UTC");
        }
    }
}
