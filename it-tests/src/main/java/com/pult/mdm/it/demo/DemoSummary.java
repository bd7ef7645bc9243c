package com.pult.mdm.it.demo;

import java.util.Map;

/**
 * What the demo's admin saw through the API, for the summary it prints.
 *
 * @param wrongTokenProblem the problem the API answered when the integration was added with a wrong token
 * @param usersImported users the import created or updated
 * @param devicesListed devices the sync saw at the vendor
 * @param devicesSynced devices the sync accepted into the inventory
 * @param rejected devices the sync rejected, by reason
 * @param devicesWithUser devices whose email resolves to a Pult user (the inspector's device table)
 * @param usersMatched distinct Pult users with at least one device
 * @param requests requests the sync spent at the vendor
 * @param rateLimited 429 answers the sync received
 * @param authentication the device authentication's status, such as {@code APPROVED}
 * @param wifiSent WiFi observations sent in the batch
 * @param wifiAttributed of those, the ones attributed to a Pult user
 * @param wifiRejected of those, the ones the host could not use
 * @param wifiClientsMatched distinct WiFi clients the inspector reports as matched
 */
record DemoSummary(
        String wrongTokenProblem,
        int usersImported,
        int devicesListed,
        int devicesSynced,
        Map<String, Integer> rejected,
        int devicesWithUser,
        int usersMatched,
        int requests,
        int rateLimited,
        String authentication,
        int wifiSent,
        int wifiAttributed,
        int wifiRejected,
        int wifiClientsMatched) {

    DemoSummary {
        rejected = Map.copyOf(rejected);
    }
}
