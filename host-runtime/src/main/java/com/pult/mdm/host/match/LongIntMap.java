package com.pult.mdm.host.match;

import java.util.Arrays;

/**
 * An open-addressing map from a 48-bit MAC (as a long) to a device's position, without boxing: MAC lookups are
 * the hot path of WiFi presence. Kept at most half full, growing as needed.
 */
final class LongIntMap {

    private static final long EMPTY = -1L;

    private long[] keys;
    private int[] values;
    private int mask;
    private int size;

    LongIntMap(int expected) {
        allocate(Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
        Arrays.fill(keys, EMPTY);
    }

    void put(long key, int value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int slot = slot(key);
        if (keys[slot] == EMPTY) {
            size++;
        }
        keys[slot] = key;
        values[slot] = value;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldKeys.length * 2);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    /** The value for {@code key}, or -1. */
    int get(long key) {
        int slot = slot(key);
        return keys[slot] == key ? values[slot] : -1;
    }

    private int slot(long key) {
        int slot = mix(key) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    int size() {
        return size;
    }

    /** Bytes the table holds, for the benchmark's figure. */
    long footprintBytes() {
        return (long) keys.length * Long.BYTES + (long) values.length * Integer.BYTES;
    }
}
