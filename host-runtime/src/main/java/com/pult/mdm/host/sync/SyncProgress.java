package com.pult.mdm.host.sync;

import java.time.Instant;

/**
 * A running sync's progress, for the admin's live view.
 *
 * @param startedAt when the run started
 * @param phase {@code listing}, {@code details} or another word the provider reports
 * @param done units done in the phase
 * @param total units planned, or -1 when unknown
 * @param requests requests spent so far
 */
public record SyncProgress(Instant startedAt, String phase, int done, int total, int requests) {}
