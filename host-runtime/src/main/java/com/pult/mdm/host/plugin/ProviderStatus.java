package com.pult.mdm.host.plugin;

/** Whether a provider is the one the host uses for its id. */
public enum ProviderStatus {
    /** The highest version deployed for its id: the host uses this one. */
    SERVING,
    /** Another deployed plugin with the same id and a higher version serves; this one takes over if that goes. */
    SHADOWED
}
