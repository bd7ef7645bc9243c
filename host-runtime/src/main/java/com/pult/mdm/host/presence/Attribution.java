package com.pult.mdm.host.presence;

import com.pult.mdm.host.match.LookupKind;
import com.pult.mdm.host.match.MatchReason;

/**
 * What one accepted observation was attributed to.
 *
 * @param index the observation's position in its batch
 * @param mac the canonical MAC
 * @param reason {@link MatchReason#MATCHED} when it was attributed to a user, otherwise why not: a private MAC
 *     with no alias and no fresh IP binding is {@link MatchReason#RANDOMIZED_MAC}, meaning "unknown", not "away"
 * @param via which key found the device (MAC, ALIAS or IP), or null when none did
 * @param userId the Pult user, or null
 * @param deviceId the matched device ({@code integration/device}), or null
 */
public record Attribution(int index, String mac, MatchReason reason, LookupKind via, String userId, String deviceId) {

    /** Whether the observation was attributed to a user. */
    public boolean attributed() {
        return userId != null;
    }
}
