package com.pult.mdm.host.presence;

import com.pult.mdm.host.users.PultUser;
import java.time.Instant;

/** An accepted observation with its time corrected and its attribution, ready to be written. */
record Sighting(WifiObservation observation, String mac, Instant seenAt, Attribution attribution, PultUser user) {}
