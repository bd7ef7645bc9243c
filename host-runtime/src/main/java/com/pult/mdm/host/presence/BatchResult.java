package com.pult.mdm.host.presence;

import java.util.List;

/**
 * What became of a WiFi batch.
 *
 * @param accepted observations stored
 * @param attributed accepted observations attributed to a Pult user
 * @param rejected observations left out, each with its index and reason
 * @param attributions one per accepted observation, in batch order
 */
public record BatchResult(int accepted, int attributed, List<Rejection> rejected, List<Attribution> attributions) {}
