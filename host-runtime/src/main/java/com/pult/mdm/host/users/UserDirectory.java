package com.pult.mdm.host.users;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of one organization's users keyed by every email they own, lower-cased. Resolution is
 * exact equality ignoring case, never a prefix, substring or closest match: {@code ben@} is not
 * {@code benjamin.ortiz@}, and a typo finds nobody.
 */
public final class UserDirectory {

    private final String orgId;
    private final List<PultUser> users;
    private final Map<String, PultUser> byEmail;

    UserDirectory(String orgId, List<PultUser> users) {
        this.orgId = orgId;
        this.users = List.copyOf(users);
        this.byEmail = new HashMap<>(users.size() * 3);
        for (PultUser user : users) {
            user.emails().forEach(email -> byEmail.put(key(email), user));
        }
    }

    /** A directory of no users. */
    public static UserDirectory empty(String orgId) {
        return new UserDirectory(orgId, List.of());
    }

    /** The user owning this email (primary or alias), ignoring case and surrounding white space. */
    public Optional<PultUser> byEmail(String email) {
        return Optional.ofNullable(find(email));
    }

    /** Like {@link #byEmail} but null when none, for the hot path. */
    public PultUser find(String email) {
        return email == null || email.isBlank() ? null : byEmail.get(key(email));
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public String orgId() {
        return orgId;
    }

    /** Every user, by primary email. */
    public List<PultUser> users() {
        return users;
    }
}
