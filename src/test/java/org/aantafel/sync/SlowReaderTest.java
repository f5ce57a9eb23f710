package org.aantafel.sync;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.CapturedLog;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;

import static org.aantafel.sync.BridgeIntegrationTest.join;
import static org.aantafel.sync.BridgeIntegrationTest.submit;
import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that stops reading must not make the server keep everything meant for it (security issue point 3): its
 * socket is closed once its outgoing queue is full, while the board goes on for everyone who reads.
 */
class SlowReaderTest extends ServerTest {
  private static final String LIMIT_LOG = "org.aantafel.web.OutboundLimit";
  /** Six text ops of this size make each submit and each published change about 54 kB. */
  private static final int CHUNK = 9000;

  @Test
  void aSocketThatStopsReadingIsClosedNotBuffered() {
    CreatedBoard board = server.createBoard("Busy board");
    try (CapturedLog log = new CapturedLog(LIMIT_LOG)) {
      // A small receive buffer, so that the kernel holds little for it and the server's queue fills soon.
      BusClient slow = await(BusClient.open(vertx, new WebSocketClientOptions().setReceiveBufferSize(16 * 1024),
        "localhost", server.port(), null));
      List<Long> slowRevs = listen(slow, board, "slow");
      slow.pause();
      BusClient reader = server.bus();
      List<Long> readerRevs = listen(reader, board, "reader");

      BusClient writerBus = server.bus();
      join(writerBus, board, "participant", "writer");
      writerBus.call(Addresses.SUBMIT, submit(board.id(), "writer", 1, 0, new JsonObject().put("type", "create")
        .put("id", "w").put("kind", "agendaItem").put("fields", new JsonObject().put("title", "Big").put("order", "a0"))));
      Writer writer = new Writer(vertx, writerBus, board.id());
      writer.next();

      eventually(Duration.ofSeconds(60), () -> assertFalse(log.lines.isEmpty(), "the slow socket is still open"));
      assertTrue(log.lines.get(0).contains("stopped reading"), log.lines.get(0));
      long acksAtClose = writer.acks.get();
      eventually(() -> assertTrue(writer.acks.get() >= acksAtClose + 10, "the writer's submits are still acknowledged"));
      writer.stop();
      assertNull(writer.failure.get());
      long last = writer.lastRev.get();

      // The client that reads got every revision, in order.
      eventually(() -> assertEquals(last, readerRevs.isEmpty() ? 0 : readerRevs.get(readerRevs.size() - 1)));
      assertEquals(LongStream.rangeClosed(1, last).boxed().toList(), readerRevs);

      // The slow client finds its socket closed once it reads again, and the server did not keep the rest for it.
      slow.resume();
      eventually(() -> assertTrue(slow.isClosed()));
      assertTrue(slowRevs.size() < last, slowRevs.size() + " of " + last + " revisions were kept for the slow client");
      reader.close();
      writerBus.close();
    }
  }

  /** The same over SockJS's xhr-streaming fallback: the client never reads again and never opens another request. */
  @Test
  void anXhrStreamingSessionThatStopsReadingIsClosedNotBuffered() {
    CreatedBoard board = server.createBoard("Busy board, old browser");
    try (CapturedLog log = new CapturedLog(LIMIT_LOG)) {
      String session = "/eventbus/000/" + UUID.randomUUID().toString().replace("-", "");
      HttpClient http = vertx.createHttpClient();
      StringBuffer stream = new StringBuffer();
      HttpClientResponse response = await(http.request(HttpMethod.POST, server.port(), "localhost",
        session + "/xhr_streaming").compose(HttpClientRequest::send)
        .onSuccess(r -> r.handler(chunk -> stream.append(chunk.toString()))));
      eventually(() -> assertTrue(stream.toString().contains("\no\n")));
      // The session's cookie, which a browser sends back with every later request to it.
      String cookie = response.cookies().get(0).split(";", 2)[0];
      xhrSend(session, cookie, joinFrame("first", board));
      eventually(() -> assertTrue(stream.toString().contains("first")));
      xhrSend(session, cookie, new JsonObject().put("type", "register").put("address", Addresses.ops(board.id())));
      // The register frame has no reply; a join round trip afterwards proves it was processed.
      xhrSend(session, cookie, joinFrame("second", board));
      eventually(() -> assertTrue(stream.toString().contains("second")));
      response.pause();

      BusClient writerBus = server.bus();
      join(writerBus, board, "participant", "writer");
      writerBus.call(Addresses.SUBMIT, submit(board.id(), "writer", 1, 0, new JsonObject().put("type", "create")
        .put("id", "w").put("kind", "agendaItem").put("fields", new JsonObject().put("title", "Big").put("order", "a0"))));
      Writer writer = new Writer(vertx, writerBus, board.id());
      writer.next();
      eventually(Duration.ofSeconds(60), () -> assertFalse(log.lines.isEmpty(), "the slow session is still open"));
      long acksAtClose = writer.acks.get();
      eventually(() -> assertTrue(writer.acks.get() >= acksAtClose + 10, "the writer's submits are still acknowledged"));
      writer.stop();
      assertNull(writer.failure.get());
      writerBus.close();
      await(http.close());
    }
  }

  private static JsonObject joinFrame(String replyAddress, CreatedBoard board) {
    return new JsonObject().put("type", "send").put("address", Addresses.JOIN).put("replyAddress", replyAddress)
      .put("body", new JsonObject().put("boardId", board.id()).put("token", board.token("viewer"))
        .put("clientId", "xhr").put("name", "Sam").put("role", "teacher"));
  }

  private static void xhrSend(String session, String cookie, JsonObject frame) {
    int status = await(server.http().post(server.port(), "localhost", session + "/xhr_send").putHeader("Cookie", cookie)
      .sendBuffer(Buffer.buffer(new JsonArray().add(frame.encode()).encode()))).statusCode();
    assertEquals(204, status);
  }

  /** Joins as a viewer and collects the revisions published on the board. */
  private static List<Long> listen(BusClient bus, CreatedBoard board, String clientId) {
    List<Long> revs = new CopyOnWriteArrayList<>();
    join(bus, board, "viewer", clientId);
    bus.register(Addresses.ops(board.id()), op -> revs.add(op.getLong("rev")));
    // The register frame has no reply; a join round trip afterwards proves it was processed.
    join(bus, board, "viewer", clientId);
    return revs;
  }

  /**
   * Submits large edits one after another, each after the previous one's ack, a little slower than the bridge's
   * per-socket rate limit allows, so that none is refused.
   */
  private static final class Writer {
    private static final long PACE_MILLIS = 40;
    private final Vertx vertx;
    private final BusClient bus;
    private final String boardId;
    private final String text = "x".repeat(CHUNK);
    final AtomicLong acks = new AtomicLong();
    final AtomicLong lastRev = new AtomicLong(1);
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopped;
    private long seq = 2;
    private final AtomicReference<io.vertx.core.Future<JsonObject>> inFlight = new AtomicReference<>();

    Writer(Vertx vertx, BusClient bus, String boardId) {
      this.vertx = vertx;
      this.bus = bus;
      this.boardId = boardId;
    }

    void next() {
      if (stopped) {
        return;
      }
      JsonObject insert = new JsonObject().put("type", "text").put("id", "w").put("field", "notes")
        .put("edit", new JsonArray().add(text));
      JsonObject delete = insert.copy().put("edit", new JsonArray().add(-CHUNK));
      io.vertx.core.Future<JsonObject> ack = bus.request(Addresses.SUBMIT,
        submit(boardId, "writer", seq, lastRev.get(), insert, delete, insert, delete, insert, delete));
      inFlight.set(ack);
      ack.onSuccess(reply -> {
        seq++;
        lastRev.set(reply.getLong("rev"));
        acks.incrementAndGet();
        vertx.setTimer(PACE_MILLIS, t -> next());
      }).onFailure(failure::set);
    }

    /** Stops after the submit in flight, whose revision is then the last. */
    void stop() {
      stopped = true;
      await(inFlight.get().recover(e -> io.vertx.core.Future.succeededFuture()));
    }
  }
}
