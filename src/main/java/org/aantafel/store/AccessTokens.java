package org.aantafel.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets in board links: 128 random bits, written URL-safe. Only their SHA-256 is stored, so a copy of the
 * database does not let anyone into a board.
 */
public final class AccessTokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  public static String newToken() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The hash as hex text, e.g. for a header that names a link without carrying its secret. */
  public static String hashHex(String token) {
    return java.util.HexFormat.of().formatHex(hash(token));
  }

  private AccessTokens() {
  }
}
