package com.pult.mdm.host.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/** Collects the log lines written while it is attached to the root logger. */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    /** One captured line. */
    public record Line(Level level, String logger, String thread, String message) {
        @Override
        public String toString() {
            return level + " " + logger + " - " + message;
        }
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private LogCapture() {}

    /** Starts capturing. */
    public static LogCapture attach() {
        LogCapture capture = new LogCapture();
        capture.setName("test-capture");
        capture.start();
        root().addAppender(capture);
        return capture;
    }

    @Override
    protected void append(ILoggingEvent event) {
        String name = event.getLoggerName();
        String shortName = name.substring(name.lastIndexOf('.') + 1);
        lines.add(new Line(event.getLevel(), shortName, event.getThreadName(), event.getFormattedMessage()));
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    public List<Line> matching(Predicate<Line> filter) {
        return lines.stream().filter(filter).toList();
    }

    /** The lines at {@code level} that contain every one of {@code fragments}. */
    public List<Line> find(Level level, String... fragments) {
        return matching(line -> line.level() == level && containsAll(line.message(), fragments));
    }

    public List<Line> errors() {
        return matching(line -> line.level() == Level.ERROR);
    }

    private static boolean containsAll(String text, String... fragments) {
        for (String fragment : fragments) {
            if (!text.contains(fragment)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        root().detachAppender(this);
        stop();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
