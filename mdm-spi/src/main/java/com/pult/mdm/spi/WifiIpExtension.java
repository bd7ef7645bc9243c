package com.pult.mdm.spi;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Optional capability of an {@link MdmProvider} whose vendor reports each device's current WiFi IP address.
 * A provider that implements it also declares {@link Capability#WIFI_IP}; the host asks for the binding only
 * then, so providers with and without it are handled alike.
 */
@ConsumerType
public interface WifiIpExtension {

    /**
     * Reads the WiFi IP binding from one raw {@link RawRecord.Kind#DETAIL} record. Pure, like
     * {@link MdmProvider#normalize}; never throws.
     *
     * @return the address and when the vendor observed it, or empty when the record carries none
     */
    Optional<WifiIpBinding> wifiIp(RawRecord record);
}
