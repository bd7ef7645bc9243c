package com.pult.mdm.host.match;

/**
 * What the desktop agent sends when it enrolls. Only the serial and the source IP are matched; the hostname and
 * the OS username are kept for the admin to see but never used to guess a user, since names are not identities.
 *
 * @param serial the hardware serial number
 * @param hostname the computer's name
 * @param osUsername the logged-in account
 * @param sourceIp the address the request came from, as the host saw it
 */
public record AuthRequest(String serial, String hostname, String osUsername, String sourceIp) {}
