package com.pult.mdm.host.presence;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items this page's items
 * @param page the 0-based page number
 * @param size the page size asked for
 * @param total how many items all pages hold
 */
public record Page<T>(List<T> items, int page, int size, int total) {}
