package org.aantafel.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Content-Security-Policy of every response: scripts, styles, images and connections only from this server, no
 * inline scripts or styles. The two exceptions are allowed by their SHA-256 hash, so nothing else inline ever runs:
 * the pages' import map (an import map cannot be loaded from a file) and the stylesheet inside the record page.
 */
final class ContentSecurityPolicy {
  private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

  private ContentSecurityPolicy() {
  }

  /**
   * @param pages  the HTML of the pages, whose import maps are allowed
   * @param styles the exact text of inline stylesheets that are allowed
   */
  static String of(Collection<String> pages, Collection<String> styles) {
    Set<String> scriptHashes = new LinkedHashSet<>();
    for (String page : pages) {
      Matcher map = IMPORT_MAP.matcher(page);
      while (map.find()) {
        scriptHashes.add(hash(map.group(1)));
      }
    }
    Set<String> styleHashes = new LinkedHashSet<>();
    styles.forEach(style -> styleHashes.add(hash(style)));
    return "default-src 'self'; "
      + "script-src 'self'" + String.join("", scriptHashes) + "; "
      + "style-src 'self'" + String.join("", styleHashes) + "; "
      // data: for the pages' empty icon (href="data:,"), blob: for records saved as files
      + "img-src 'self' data: blob:; "
      // 'self' covers the event bus's same-origin websocket (ws: and wss:) in current browsers
      + "connect-src 'self'; "
      + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  }

  private static String hash(String inline) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
      return " 'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
