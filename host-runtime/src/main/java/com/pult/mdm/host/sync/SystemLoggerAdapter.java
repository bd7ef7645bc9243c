package com.pult.mdm.host.sync;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.slf4j.Logger;

/** Lets a provider log through the SPI's {@code System.Logger} into the host's SLF4J log. */
final class SystemLoggerAdapter implements System.Logger {

    private final Logger delegate;
    private final String prefix;

    SystemLoggerAdapter(Logger delegate, String integrationId) {
        this.delegate = delegate;
        this.prefix = "[" + integrationId + "] ";
    }

    @Override
    public String getName() {
        return delegate.getName();
    }

    @Override
    public boolean isLoggable(Level level) {
        return switch (level) {
            case ALL, TRACE -> delegate.isTraceEnabled();
            case DEBUG -> delegate.isDebugEnabled();
            case INFO -> delegate.isInfoEnabled();
            case WARNING -> delegate.isWarnEnabled();
            case ERROR -> delegate.isErrorEnabled();
            case OFF -> false;
        };
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        write(level, prefix + message, thrown);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        String message = params == null || params.length == 0 ? format : MessageFormat.format(format, params);
        write(level, prefix + message, null);
    }

    @Override
    public void log(Level level, Supplier<String> supplier) {
        if (isLoggable(level)) {
            write(level, prefix + supplier.get(), null);
        }
    }

    private void write(Level level, String message, Throwable thrown) {
        switch (level) {
            case ALL, TRACE -> delegate.trace(message, thrown);
            case DEBUG -> delegate.debug(message, thrown);
            case INFO -> delegate.info(message, thrown);
            case WARNING -> delegate.warn(message, thrown);
            case ERROR -> delegate.error(message, thrown);
            case OFF -> {
                // OFF is a threshold, never a message level.
            }
        }
    }
}
