package com.pult.mdm.host.sync;

import com.pult.mdm.spi.MdmProviderFactory;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** Where the sync engine finds the provider of an id: the plugin registry, or a fixed set in tests. */
@FunctionalInterface
public interface ProviderDirectory {

    /** The provider currently serving {@code providerId}, or empty when no plugin provides it. */
    Optional<ProviderHandle> provider(String providerId);

    /** The factory currently serving {@code providerId}, or empty. */
    default Optional<MdmProviderFactory> factory(String providerId) {
        return provider(providerId).map(ProviderHandle::factory);
    }

    /**
     * A provider's factory and the threads its code runs on. Plugin code runs on threads that belong to the
     * plugin and end when it is removed, so no host thread keeps a reference into the plugin's class loader.
     *
     * @param factory the plugin's factory
     * @param executor the plugin's threads
     */
    record ProviderHandle(MdmProviderFactory factory, Executor executor) {

        public ProviderHandle {
            Objects.requireNonNull(factory, "factory");
            Objects.requireNonNull(executor, "executor");
        }

        /** A provider whose code runs on the caller's thread (a provider on the host's own class path). */
        public static ProviderHandle inline(MdmProviderFactory factory) {
            return new ProviderHandle(factory, Runnable::run);
        }

        /**
         * Runs {@code work} on the plugin's threads and waits for it.
         *
         * @throws PluginGoneException when the plugin was removed before or while the work ran
         */
        public <T> T call(Callable<T> work) throws Exception {
            CompletableFuture<T> result = new CompletableFuture<>();
            try {
                executor.execute(() -> {
                    try {
                        result.complete(work.call());
                    } catch (Exception | LinkageError e) {
                        result.completeExceptionally(e);
                    }
                });
            } catch (RejectedExecutionException e) {
                throw new PluginGoneException("The plugin of '" + factory.id() + "' was removed.");
            }
            try {
                return result.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }

    /** The plugin went away while the host wanted to run its code. */
    final class PluginGoneException extends Exception {
        public PluginGoneException(String message) {
            super(message);
        }
    }
}
