package org.aantafel.testsupport;

import io.vertx.core.Future;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** SockJS over a websocket ({@code /eventbus/<server>/<session>/websocket}), sockjs-client's first choice. */
final class WebSocketTransport implements SockJsTransport {
  private final WebSocketClient client;
  private final WebSocket socket;
  private final List<Consumer<Throwable>> closed = new CopyOnWriteArrayList<>();
  private final String sessionPath;

  private WebSocketTransport(WebSocketClient client, WebSocket socket, String sessionPath) {
    this.client = client;
    this.socket = socket;
    this.sessionPath = sessionPath;
    socket.exceptionHandler(e -> closed.forEach(h -> h.accept(e)));
    socket.endHandler(v -> closed.forEach(h -> h.accept(null)));
  }

  static Future<SockJsTransport> open(io.vertx.core.Vertx vertx, WebSocketClientOptions clientOptions, String host,
                                      int port, String origin) {
    WebSocketClient client = vertx.createWebSocketClient(clientOptions);
    String sessionPath = "/eventbus/000/" + UUID.randomUUID().toString().replace("-", "");
    WebSocketConnectOptions options = new WebSocketConnectOptions()
      .setHost(host).setPort(port).setURI(sessionPath + "/websocket");
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    return client.connect(options).<SockJsTransport>map(socket -> new WebSocketTransport(client, socket, sessionPath))
      .onFailure(e -> client.close());
  }

  @Override
  public void onFrame(Consumer<String> frames) {
    socket.textMessageHandler(frames::accept);
  }

  @Override
  public void send(String message) {
    socket.writeTextMessage(new JsonArray().add(message).encode());
  }

  @Override
  public void sendAll(List<String> messages) {
    socket.writeTextMessage(new JsonArray(List.copyOf(messages)).encode());
  }

  @Override
  public String sessionPath() {
    return sessionPath;
  }

  @Override
  public void onClosed(Consumer<Throwable> handler) {
    closed.add(handler);
  }

  @Override
  public boolean isClosed() {
    return socket.isClosed();
  }

  @Override
  public Future<Void> close() {
    return socket.close().eventually(() -> client.close());
  }

  @Override
  public void pause() {
    socket.pause();
  }

  @Override
  public void resume() {
    socket.resume();
  }
}
