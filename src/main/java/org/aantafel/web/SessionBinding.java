package org.aantafel.web;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SockJS session over the HTTP transports (xhr-streaming, xhr-polling and the others) is driven by requests that
 * name it in their path, {@code /eventbus/<server>/<session>/xhr_send}, and that path is in every access log on the
 * way. So the session is bound to the browser that opened it: the request that opens a session gets a cookie only
 * for that session's path, {@code HMAC(server key, session id)}, and every later request to the session must carry
 * it; without it the answer is 403 and the session does not see the request. The cookie follows the browser, not its
 * address, so a phone that changes address mid-session keeps its session; a browser that refuses cookies cannot use
 * these transports (its connection fails and it reconnects, as after any lost connection, and a websocket needs no
 * cookie). A websocket session lives on its one connection and cannot be reached by another; it needs no binding.
 * One instance serves every event loop: the sessions that are open are kept in a concurrent set, added and removed
 * by the bridge as SockJS opens and closes them, so nothing outlives its session.
 */
public final class SessionBinding implements Handler<RoutingContext> {
  static final String COOKIE = "aantafel-sockjs";
  private static final Pattern SESSION_PATH = Pattern.compile("(/eventbus/[^/.]+/([^/.]+))/([a-z_]+)");
  private static final Pattern SESSION_URI = Pattern.compile("/eventbus/[^/.]+/([^/.]+)/([a-z_]+)(\\?.*)?");
  /** The transports whose request opens a session (the others only send to one that is open). */
  private static final Set<String> OPENING = Set.of("xhr", "xhr_streaming", "eventsource", "htmlfile", "jsonp");
  private static final long COOKIE_SECONDS = 24 * 60 * 60;

  private final SecretKeySpec key;
  private final boolean secure;
  private final Set<String> open = ConcurrentHashMap.newKeySet();

  /** @param secure whether people reach the server over https, so the cookie is sent over https only */
  public SessionBinding(boolean secure) {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    this.key = new SecretKeySpec(bytes, "HmacSHA256");
    this.secure = secure;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Matcher m = SESSION_PATH.matcher(ctx.request().path());
    if (!m.matches() || m.group(3).equals("websocket")) {
      ctx.next();
      return;
    }
    String session = m.group(2);
    Cookie presented = ctx.request().getCookie(COOKIE);
    String expected = secretOf(session);
    if (presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
      presented.getValue().getBytes(StandardCharsets.US_ASCII))) {
      ctx.next();
    } else if (!open.contains(session) && OPENING.contains(m.group(3))) {
      ctx.response().addCookie(Cookie.cookie(COOKIE, expected).setPath(m.group(1)).setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT).setSecure(secure).setMaxAge(COOKIE_SECONDS));
      ctx.next();
    } else if (open.contains(session)) {
      ApiError.send(ctx, 403, "this connection belongs to another page");
    } else {
      ctx.next();
    }
  }

  /** Follows SockJS's sessions through the bridge's events: open from the socket's creation to its close. */
  void track(BridgeEvent event) {
    if (event.type() != BridgeEventType.SOCKET_CREATED && event.type() != BridgeEventType.SOCKET_CLOSED) {
      return;
    }
    Matcher m = SESSION_URI.matcher(String.valueOf(event.socket().uri()));
    if (m.matches() && !m.group(2).equals("websocket")) {
      if (event.type() == BridgeEventType.SOCKET_CREATED) {
        open.add(m.group(1));
      } else {
        open.remove(m.group(1));
      }
    }
  }

  private String secretOf(String session) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(session.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
