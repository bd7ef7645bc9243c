package com.pult.mdm.host.launch;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries FileInstall's java.util.logging output into the host's SLF4J log, one line per event, under the
 * logger {@code org.apache.felix.fileinstall}.
 */
final class FileInstallLogBridge extends Handler {

    // java.util.logging holds loggers weakly: keep this one, or its handler is lost with it.
    private static final java.util.logging.Logger FILEINSTALL = java.util.logging.Logger.getLogger("fileinstall");

    private static final String INSTALL_FAILED = "Failed to install artifact: ";

    // Keyed by absolute file; FileInstall names the file in its message and the reason in the exception.
    private static final Map<Path, String> INSTALL_FAILURES = new ConcurrentHashMap<>();

    private final Logger logger = LoggerFactory.getLogger("org.apache.felix.fileinstall");

    private FileInstallLogBridge() {}

    /** Routes FileInstall's log to SLF4J; calling it again changes nothing. */
    static synchronized void install() {
        for (Handler handler : FILEINSTALL.getHandlers()) {
            if (handler instanceof FileInstallLogBridge) {
                return;
            }
        }
        FILEINSTALL.setUseParentHandlers(false);
        FILEINSTALL.setLevel(Level.ALL);
        FILEINSTALL.addHandler(new FileInstallLogBridge());
    }

    /** Why FileInstall last failed to install {@code file}, if it did. */
    static Optional<String> installFailure(Path file) {
        return Optional.ofNullable(INSTALL_FAILURES.get(file.toAbsolutePath().normalize()));
    }

    @Override
    public void publish(LogRecord record) {
        rememberInstallFailure(record);
        String message = oneLine(record);
        int level = demoted(record);
        if (level >= Level.SEVERE.intValue()) {
            logger.error(message);
        } else if (level >= Level.WARNING.intValue()) {
            logger.warn(message);
        } else if (level >= Level.INFO.intValue()) {
            logger.info(message);
        } else {
            logger.debug(message);
        }
        if (record.getThrown() != null) {
            logger.debug("Stack trace of the line above", record.getThrown());
        }
    }

    private static void rememberInstallFailure(LogRecord record) {
        String message = record.getMessage();
        if (message == null || !message.startsWith(INSTALL_FAILED) || record.getThrown() == null) {
            return;
        }
        try {
            Path file = Path.of(message.substring(INSTALL_FAILED.length()))
                    .toAbsolutePath()
                    .normalize();
            INSTALL_FAILURES.put(
                    file, String.valueOf(record.getThrown().getMessage()).replace('\n', ' '));
        } catch (InvalidPathException e) {
            // Not a path after all: the line is still logged, only the host's own report lacks the reason.
        }
    }

    private static int demoted(LogRecord record) {
        String message = String.valueOf(record.getMessage());
        // The host reports these itself, naming the jar and the unmet requirement, as one ERROR line.
        if (message.startsWith("Error while starting bundle")) {
            return Level.FINE.intValue();
        }
        if (message.startsWith(INSTALL_FAILED)) {
            return Level.WARNING.intValue();
        }
        return record.getLevel().intValue();
    }

    private static String oneLine(LogRecord record) {
        Throwable thrown = record.getThrown();
        String text = thrown == null ? record.getMessage() : record.getMessage() + ": " + thrown.getMessage();
        return String.valueOf(text).replace('\n', ' ');
    }

    @Override
    public void flush() {
        // Nothing is buffered: every record is handed to SLF4J at once.
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
