package com.pult.mdm.host.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the host's daily housekeeping (pruning sync history and raw WiFi observations) on a {@link DailySchedule}.
 * A task that fails is logged and tried again the next day; it never stops the others.
 */
public final class Maintenance implements AutoCloseable {

    private final Logger logger = LoggerFactory.getLogger(Maintenance.class);
    private final DailySchedule schedule;
    private final List<Task> tasks;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "pult-maintenance");
        thread.setDaemon(true);
        return thread;
    });

    public Maintenance(DailySchedule schedule, List<Task> tasks, Clock clock) {
        this.schedule = schedule;
        this.tasks = List.copyOf(tasks);
        this.clock = clock;
    }

    /** One named piece of housekeeping; returns how many records it removed. */
    public record Task(String name, Work work) {}

    /** The work of a task. */
    @FunctionalInterface
    public interface Work {
        int run() throws Exception;
    }

    /** Schedules the first run. */
    public void start() {
        scheduleAfter(clock.instant());
    }

    private void scheduleAfter(Instant last) {
        Instant next = schedule.nextAfter(last);
        long delay = Math.max(0, Duration.between(clock.instant(), next).toMillis());
        executor.schedule(() -> runAll(next), delay, TimeUnit.MILLISECONDS);
    }

    /** Runs every task now, in order; used by the schedule and by tests. */
    public void runAll(Instant due) {
        for (Task task : tasks) {
            try {
                int removed = task.work().run();
                logger.info("Maintenance '{}' removed {} records", task.name(), removed);
            } catch (Exception e) {
                logger.warn("Failed maintenance '{}': {}; trying again tomorrow", task.name(), e.getMessage());
                logger.debug("Maintenance failure", e);
            }
        }
        if (!executor.isShutdown()) {
            scheduleAfter(due);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
