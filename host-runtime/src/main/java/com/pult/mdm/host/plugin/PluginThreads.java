package com.pult.mdm.host.plugin;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates the threads of one plugin, named after it so that thread dumps and log lines say whose code runs.
 * Their context class loader is the plugin's, for libraries inside the plugin that look classes up there.
 */
final class PluginThreads implements ThreadFactory {

    private final String prefix;
    private final ClassLoader pluginLoader;
    private final AtomicInteger count = new AtomicInteger();

    PluginThreads(String symbolicName, long bundleId, ClassLoader pluginLoader) {
        this.prefix = "plugin-" + symbolicName + "-" + bundleId + "-";
        this.pluginLoader = pluginLoader;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + count.incrementAndGet());
        thread.setDaemon(true);
        thread.setContextClassLoader(pluginLoader);
        return thread;
    }
}
