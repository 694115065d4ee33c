package org.clearline.store;

/**
 * A SIP account. Passwords are never stored: only the digest HA1 values
 * (RFC 2617 §3.2.2.2, RFC 8760) for the realm the server challenges with.
 *
 * @param sipId       the SIP ID (digest username and AOR user part)
 * @param displayName shown in listings, may be empty
 * @param ha1Md5      hex MD5(sipId ":" realm ":" password)
 * @param ha1Sha256   hex SHA-256(sipId ":" realm ":" password)
 * @param enabled     a disabled account cannot register or call (403)
 */
public record Account(String sipId, String displayName, String ha1Md5, String ha1Sha256, boolean enabled) {}
