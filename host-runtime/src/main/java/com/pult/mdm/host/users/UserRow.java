package com.pult.mdm.host.users;

import com.pult.mdm.spi.Email;
import java.util.List;
import java.util.Optional;

/**
 * One valid row of a user import.
 *
 * @param line where it starts in the input
 * @param email the primary email
 * @param name the display name, possibly empty
 * @param aliases the listed aliases, or empty when the row has no alias field: then existing aliases are kept
 */
record UserRow(int line, Email email, String name, Optional<List<Email>> aliases) {}
