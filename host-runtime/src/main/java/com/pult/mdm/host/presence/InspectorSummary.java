package com.pult.mdm.host.presence;

import java.time.Duration;

/**
 * The WiFi Inspector's three figures.
 *
 * @param mdmDevices active devices synced from MDM integrations
 * @param manualDevices devices of the admin's manual list
 * @param wifiClients distinct client MACs seen within {@code window}
 * @param matchedClients of those, the ones attributed to a Pult user at least once within {@code window}
 * @param window what "recent" means
 */
public record InspectorSummary(
        int mdmDevices, int manualDevices, int wifiClients, int matchedClients, Duration window) {}
