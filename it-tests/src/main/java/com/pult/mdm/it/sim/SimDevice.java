package com.pult.mdm.it.sim;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One simulated device: the state behind its list row, its single-device row and its details.
 *
 * <p>Instances are published by {@link Fleet} and never changed afterwards: the fleet mutates a {@link #copy()} and
 * swaps it in. The package-private setters exist only for that copy-then-publish step and for the generator, which
 * is why the rendered row can be cached on the instance.
 */
public final class SimDevice {
    private String deviceId;
    private String deviceName = "";
    private Platform platform = Platform.MAC;
    private String model = "";
    private String modelIdentifier = "";
    private String serialNumber = "";
    private String osVersion = "";
    private String buildVersion = "";
    private Instant lastCheckIn;
    private boolean offsetCheckInStyle;
    private SimUser user;
    private String assetTag = "";
    private String blueprintId = "";
    private String blueprintName = "";
    private boolean mdmEnabled = true;
    private boolean agentInstalled;
    private String agentVersion = "";
    private boolean missing;
    private Instant firstEnrollment;
    private Instant lastEnrollment;
    private List<String> tags = List.of();
    private String macAddress;
    private String ipAddress = "";
    private boolean erased;
    private String hardwareId = "";
    private String localUser = "";
    private volatile byte[] cachedRow;
    private volatile byte[] cachedDetails;

    SimDevice(String deviceId) {
        this.deviceId = deviceId;
    }

    /** A field-by-field copy without the cached renderings, for copy-then-publish mutations. */
    SimDevice copy() {
        SimDevice c = new SimDevice(deviceId);
        c.deviceName = deviceName;
        c.platform = platform;
        c.model = model;
        c.modelIdentifier = modelIdentifier;
        c.serialNumber = serialNumber;
        c.osVersion = osVersion;
        c.buildVersion = buildVersion;
        c.lastCheckIn = lastCheckIn;
        c.offsetCheckInStyle = offsetCheckInStyle;
        c.user = user;
        c.assetTag = assetTag;
        copyRestInto(c);
        return c;
    }

    private void copyRestInto(SimDevice c) {
        c.blueprintId = blueprintId;
        c.blueprintName = blueprintName;
        c.mdmEnabled = mdmEnabled;
        c.agentInstalled = agentInstalled;
        c.agentVersion = agentVersion;
        c.missing = missing;
        c.firstEnrollment = firstEnrollment;
        c.lastEnrollment = lastEnrollment;
        c.tags = tags;
        c.macAddress = macAddress;
        c.ipAddress = ipAddress;
        c.erased = erased;
        c.hardwareId = hardwareId;
        c.localUser = localUser;
    }

    // --- getters (public: tests and the end-to-end checks compare against them) ---

    /** The {@code device_id} UUID. */
    public String deviceId() {
        return deviceId;
    }

    /** The {@code device_name}; may contain non-ASCII characters such as U+2019. */
    public String deviceName() {
        return deviceName;
    }

    /** The platform. */
    public Platform platform() {
        return platform;
    }

    /** The marketing model name, {@code ""} for erased devices. */
    public String model() {
        return model;
    }

    /** The model identifier ({@code MacBookAir10,1}), {@code ""} for erased devices. */
    public String modelIdentifier() {
        return modelIdentifier;
    }

    /** The serial number; blank or a placeholder for erased devices, shared by re-enrolled duplicates. */
    public String serialNumber() {
        return serialNumber;
    }

    /** The OS version as the row shows it. */
    public String osVersion() {
        return osVersion;
    }

    /** The supplemental build version ({@code 23E224}) or {@code ""}. */
    public String buildVersion() {
        return buildVersion;
    }

    /** The last check-in, empty when the device never checked in (the row then shows {@code ""}). */
    public Optional<Instant> lastCheckIn() {
        return Optional.ofNullable(lastCheckIn);
    }

    /** Whether the row renders {@code last_check_in} in the {@code +00:00} offset form instead of {@code Z}. */
    public boolean offsetCheckInStyle() {
        return offsetCheckInStyle;
    }

    /** The assigned user, empty when unassigned (the row then shows {@code ""}). */
    public Optional<SimUser> user() {
        return Optional.ofNullable(user);
    }

    /** The asset tag, {@code ""} when unset. */
    public String assetTag() {
        return assetTag;
    }

    /** The blueprint UUID. */
    public String blueprintId() {
        return blueprintId;
    }

    /** The blueprint name. */
    public String blueprintName() {
        return blueprintName;
    }

    /** Whether MDM is enabled (a JSON boolean in rows, {@code "True"/"False"} in details). */
    public boolean mdmEnabled() {
        return mdmEnabled;
    }

    /** Whether the Kandji agent is installed. */
    public boolean agentInstalled() {
        return agentInstalled;
    }

    /** The agent version, {@code ""} without agent. */
    public String agentVersion() {
        return agentVersion;
    }

    /** The {@code is_missing} flag. */
    public boolean missing() {
        return missing;
    }

    /** The first enrollment instant. */
    public Instant firstEnrollment() {
        return firstEnrollment;
    }

    /** The last enrollment instant. */
    public Instant lastEnrollment() {
        return lastEnrollment;
    }

    /** The tags. */
    public List<String> tags() {
        return tags;
    }

    /**
     * The MAC address the details expose ({@code network.mac_address}, or {@code hardware.wifi_mac_address} on
     * Android); empty when the details carry none (network {}, AppleTV, Windows, erased).
     */
    public Optional<String> macAddress() {
        return Optional.ofNullable(macAddress);
    }

    /** The Wi-Fi IP address, {@code ""} when unknown. */
    public String ipAddress() {
        return ipAddress;
    }

    /** Whether the device was erased and lost its hardware information. */
    public boolean erased() {
        return erased;
    }

    /** The UDID (macOS {@code udid}, iOS/tvOS {@code uuid}) or the Windows/Android hardware id. */
    public String hardwareId() {
        return hardwareId;
    }

    /** The local account name shown as {@code last_user} on Macs. */
    public String localUser() {
        return localUser;
    }

    byte[] cachedRow() {
        return cachedRow;
    }

    void cachedRow(byte[] bytes) {
        this.cachedRow = bytes;
    }

    byte[] cachedDetails() {
        return cachedDetails;
    }

    void cachedDetails(byte[] bytes) {
        this.cachedDetails = bytes;
    }

    // --- package-private fluent setters: only for unpublished instances ---

    SimDevice deviceName(String v) {
        deviceName = v;
        return this;
    }

    SimDevice platform(Platform v) {
        platform = v;
        return this;
    }

    SimDevice model(String v) {
        model = v;
        return this;
    }

    SimDevice modelIdentifier(String v) {
        modelIdentifier = v;
        return this;
    }

    SimDevice serialNumber(String v) {
        serialNumber = v;
        return this;
    }

    SimDevice osVersion(String v) {
        osVersion = v;
        return this;
    }

    SimDevice buildVersion(String v) {
        buildVersion = v;
        return this;
    }

    SimDevice lastCheckIn(Instant v) {
        lastCheckIn = v;
        return this;
    }

    SimDevice offsetCheckInStyle(boolean v) {
        offsetCheckInStyle = v;
        return this;
    }

    SimDevice user(SimUser v) {
        user = v;
        return this;
    }

    SimDevice assetTag(String v) {
        assetTag = v;
        return this;
    }

    SimDevice blueprint(String id, String name) {
        blueprintId = id;
        blueprintName = name;
        return this;
    }

    SimDevice mdmEnabled(boolean v) {
        mdmEnabled = v;
        return this;
    }

    SimDevice agent(boolean installed, String version) {
        agentInstalled = installed;
        agentVersion = version;
        return this;
    }

    SimDevice missing(boolean v) {
        missing = v;
        return this;
    }

    SimDevice enrollments(Instant first, Instant last) {
        firstEnrollment = first;
        lastEnrollment = last;
        return this;
    }

    SimDevice tags(List<String> v) {
        tags = List.copyOf(v);
        return this;
    }

    SimDevice macAddress(String v) {
        macAddress = v;
        return this;
    }

    SimDevice ipAddress(String v) {
        ipAddress = v;
        return this;
    }

    SimDevice erased(boolean v) {
        erased = v;
        return this;
    }

    SimDevice hardwareId(String v) {
        hardwareId = v;
        return this;
    }

    SimDevice localUser(String v) {
        localUser = v;
        return this;
    }

    @Override
    public String toString() {
        return "SimDevice[" + deviceId + " " + platform.wireName() + " " + serialNumber + "]";
    }
}
