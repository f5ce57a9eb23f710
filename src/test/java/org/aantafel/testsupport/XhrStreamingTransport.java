package org.aantafel.testsupport;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * SockJS's xhr-streaming fallback, as sockjs-client uses it where websockets are blocked: frames come in on a
 * long POST to {@code /eventbus/<server>/<session>/xhr_streaming}, one a line after a prelude of 'h's; messages go
 * out as POSTs to {@code .../xhr_send}, a JSON array of strings each, one at a time so that they arrive in order.
 * The server ends a streaming response after 128 KiB and closes its connection; the next one is opened at once, on a
 * new connection, on the same session, and SockJS keeps what was written meanwhile for it.
 */
final class XhrStreamingTransport implements SockJsTransport {
  private final HttpClient streams;
  private final HttpClient sends;
  private final String host;
  private final int port;
  private final String session = "/eventbus/000/" + UUID.randomUUID().toString().replace("-", "");
  private final List<Consumer<Throwable>> closed = new CopyOnWriteArrayList<>();
  private final StringBuilder partial = new StringBuilder();
  private Consumer<String> frames = f -> { };
  private List<String> outbox = new ArrayList<>();
  private boolean sending;
  private boolean paused;
  private volatile boolean ended;
  private Future<Void> released = Future.succeededFuture();
  private HttpClientResponse stream;
  /** The session's cookie, which the server sets on the request that opens it; a browser sends it back on each. */
  private String cookie;

  private XhrStreamingTransport(Vertx vertx, String host, int port) {
    // A connection of its own for each stream: the server closes it after the stream, and a kept-alive connection
    // could be handed to the next stream just before that close arrives. The sends share one kept-alive connection.
    this.streams = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false), new PoolOptions().setHttp1MaxSize(1));
    this.sends = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(1));
    this.host = host;
    this.port = port;
  }

  /** Completes once the server has opened the session ("o"). Call it on the Vert.x context the client lives on. */
  static Future<SockJsTransport> open(Vertx vertx, String host, int port) {
    XhrStreamingTransport transport = new XhrStreamingTransport(vertx, host, port);
    Promise<SockJsTransport> opened = Promise.promise();
    transport.frames = frame -> {
      if ("o".equals(frame)) {
        opened.tryComplete(transport);
      } else if (frame.startsWith("c")) {
        opened.tryFail("the server closed the session: " + frame);
      }
    };
    transport.closed.add(e -> opened.tryFail(e != null ? e : new IllegalStateException("closed before it opened")));
    // On an event loop, not the test's thread: there the response's handlers are set in the same turn its headers
    // arrive, before its first chunk (the prelude and "o") can be delivered with no handler to take it.
    Context context = Vertx.currentContext() != null ? Vertx.currentContext() : vertx.getOrCreateContext();
    context.runOnContext(v -> transport.receive());
    return opened.future();
  }

  /** One streaming request; when the server ends it (its byte limit), the next. */
  private void receive() {
    streams.request(HttpMethod.POST, port, host, session + "/xhr_streaming")
      .compose(request -> withCookie(request).send())
      .onSuccess(response -> {
        response.cookies().stream().findFirst().ifPresent(set -> cookie = set.split(";", 2)[0]);
        if (response.statusCode() != 200) {
          end(new IllegalStateException("xhr_streaming answered " + response.statusCode()));
          return;
        }
        stream = response;
        if (paused) {
          response.pause();
        }
        response.handler(this::onChunk);
        response.exceptionHandler(this::end);
        response.endHandler(v -> {
          if (!ended) {
            receive();
          }
        });
      })
      .onFailure(this::end);
  }

  private io.vertx.core.http.HttpClientRequest withCookie(io.vertx.core.http.HttpClientRequest request) {
    return cookie == null ? request : request.putHeader("Cookie", cookie);
  }

  private void onChunk(Buffer chunk) {
    partial.append(chunk.toString());
    int newline;
    while ((newline = partial.indexOf("\n")) >= 0) {
      String frame = partial.substring(0, newline);
      partial.delete(0, newline + 1);
      if (frame.startsWith("h")) {
        // The prelude (2048 'h's, so that proxies pass the stream on) or a heartbeat.
        continue;
      }
      frames.accept(frame);
      if (frame.startsWith("c")) {
        end(null);
      }
    }
  }

  @Override
  public void onFrame(Consumer<String> handler) {
    Consumer<String> opening = frames;
    frames = frame -> {
      opening.accept(frame);
      handler.accept(frame);
    };
  }

  @Override
  public void send(String message) {
    outbox.add(message);
    flush();
  }

  @Override
  public void sendAll(List<String> messages) {
    outbox.addAll(messages);
    flush();
  }

  @Override
  public String sessionPath() {
    return session;
  }

  /** What was sent while a send was on its way goes out together next, as sockjs-client batches it. */
  private void flush() {
    if (sending || outbox.isEmpty() || ended) {
      return;
    }
    JsonArray batch = new JsonArray(outbox);
    outbox = new ArrayList<>();
    sending = true;
    sends.request(HttpMethod.POST, port, host, session + "/xhr_send")
      .compose(request -> withCookie(request).putHeader("Content-Type", "text/plain;charset=UTF-8")
        .send(batch.encode()))
      .onComplete(ar -> {
        sending = false;
        if (ar.failed() || ar.result().statusCode() != 204) {
          end(ar.failed() ? ar.cause() : new IllegalStateException("xhr_send answered " + ar.result().statusCode()));
        } else {
          flush();
        }
      });
  }

  private void end(Throwable cause) {
    if (ended) {
      return;
    }
    ended = true;
    released = Future.join(streams.close(), sends.close()).mapEmpty();
    closed.forEach(h -> h.accept(cause));
  }

  @Override
  public void onClosed(Consumer<Throwable> handler) {
    closed.add(handler);
  }

  @Override
  public boolean isClosed() {
    return ended;
  }

  /** As a browser leaving the page: the requests are dropped, and the server ends the session after its timeout. */
  @Override
  public Future<Void> close() {
    end(null);
    return released;
  }

  @Override
  public void pause() {
    paused = true;
    if (stream != null) {
      stream.pause();
    }
  }

  @Override
  public void resume() {
    paused = false;
    if (stream != null) {
      stream.resume();
    }
  }
}
