package org.aantafel.testsupport;

import io.vertx.core.Future;

import java.util.function.Consumer;

/**
 * One SockJS session as the browser's sockjs-client holds it, over one of its transports: messages go out one by one,
 * frames come in as SockJS writes them ("o" open, "h" heartbeat, "a[...]" messages, "c[code,reason]" close).
 */
interface SockJsTransport {

  /** Told every frame received, whole, in order. Set before the first frame can arrive. */
  void onFrame(Consumer<String> frames);

  /** Sends one message (the text of one event-bus frame); messages arrive at the server in the order sent. */
  void send(String message);

  /** Sends several messages in one SockJS frame (one websocket message, one xhr_send), as one write. */
  void sendAll(java.util.List<String> messages);

  /** The session's path, {@code /eventbus/<server>/<session>}: what a proxy's access log shows of it. */
  String sessionPath();

  /** Told when the session ends, whoever ended it (the server, a failure, or close()): the failure, or null. */
  void onClosed(Consumer<Throwable> handler);

  boolean isClosed();

  Future<Void> close();

  /** Stops reading, so that what the server sends piles up; resume reads again. */
  void pause();

  void resume();
}
