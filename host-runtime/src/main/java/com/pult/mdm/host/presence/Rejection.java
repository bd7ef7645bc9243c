package com.pult.mdm.host.presence;

/**
 * An observation that was not accepted; the rest of its batch was.
 *
 * @param index its position in the batch
 * @param reason why, for the person who looks at the controller
 */
public record Rejection(int index, String reason) {}
