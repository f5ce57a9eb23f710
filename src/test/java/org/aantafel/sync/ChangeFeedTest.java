package org.aantafel.sync;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aantafel.board.Op;
import org.aantafel.board.Viewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.aantafel.testsupport.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * In a crowded room, changes that become durable within a window of the last publish go out together; a small board
 * gets each at once. Everything arrives once, in revision order, and screened changes keep their views per viewer.
 */
class ChangeFeedTest {
  /** Long enough that no pause of a busy machine between two calls can end it. */
  private static final long WINDOW = 400;

  private final Vertx vertx = Vertx.vertx();
  private final List<io.vertx.core.eventbus.Message<String>> published = new CopyOnWriteArrayList<>();

  ChangeFeedTest() {
    vertx.eventBus().<String>consumer(Addresses.ops("b"), published::add);
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private static Change change(long rev, ChangeViews views) {
    return new Change(rev, "c", rev, "p-host", List.of(new Op.Set("board", "phase", "goal")), 0, views);
  }

  private static Change change(long rev) {
    return change(rev, ChangeViews.SAME);
  }

  private ChangeFeed feed(AtomicInteger sockets) {
    return new ChangeFeed(vertx, "b", sockets::get, WINDOW);
  }

  private JsonObject body(int index) {
    return new JsonObject(published.get(index).body());
  }

  private static List<Long> revs(JsonObject message) {
    JsonArray changes = message.getJsonArray("changes");
    return changes == null ? List.of(message.getLong("rev"))
      : changes.stream().map(c -> ((JsonObject) c).getLong("rev")).toList();
  }

  @Test
  void aCrowdedRoomGetsTheChangesOfOneWindowInOneMessage() {
    ChangeFeed feed = feed(new AtomicInteger(ChangeFeed.CROWD));
    vertx.runOnContext(v -> {
      feed.durable(List.of(change(1)));
      feed.durable(List.of(change(2)));
      feed.durable(List.of(change(3), change(4)));
    });
    eventually(() -> assertEquals(2, published.size()));
    assertEquals(List.of(1L), revs(body(0)), "after a quiet window, at once");
    assertEquals(List.of(2L, 3L, 4L), revs(body(1)), "then together, in order");
  }

  @Test
  void aSmallBoardGetsEveryChangeAtOnce() {
    ChangeFeed feed = feed(new AtomicInteger(ChangeFeed.CROWD - 1));
    vertx.runOnContext(v -> {
      feed.durable(List.of(change(1)));
      feed.durable(List.of(change(2)));
      feed.durable(List.of(change(3), change(4)));
    });
    eventually(() -> assertEquals(3, published.size()));
    assertEquals(List.of(List.of(1L), List.of(2L), List.of(3L, 4L)),
      List.of(revs(body(0)), revs(body(1)), revs(body(2))), "what became durable together still goes together");
  }

  @Test
  void flushingPublishesWhatWaitsAtOnce() {
    ChangeFeed feed = feed(new AtomicInteger(ChangeFeed.CROWD));
    vertx.runOnContext(v -> {
      feed.durable(List.of(change(1)));
      feed.durable(List.of(change(2)));
      feed.flush();
    });
    eventually(() -> assertEquals(2, published.size()));
    assertEquals(List.of(2L), revs(body(1)));
  }

  @Test
  void aScreenedChangeInABatchKeepsEachViewersView() {
    JsonArray hidden = new JsonArray();
    JsonArray asked = new JsonArray().add(new JsonObject().put("type", "create").put("id", "q1"));
    ChangeViews views = new ChangeViews(hidden, Map.of("p-asker", asked), true);
    ChangeFeed feed = feed(new AtomicInteger(ChangeFeed.CROWD));
    vertx.runOnContext(v -> {
      feed.durable(List.of(change(1)));
      feed.durable(List.of(change(2, views), change(3)));
    });
    eventually(() -> assertEquals(2, published.size()));
    var batch = published.get(1);
    JsonArray everyone = new JsonObject(batch.body()).getJsonArray("changes");
    assertEquals(new JsonArray(), everyone.getJsonObject(0).getJsonArray("ops"), "the body is what everyone is shown");
    JsonObject host = new JsonObject(BoardPublications.shownTo(headers(batch), new Viewer("p-host", true)));
    assertEquals("set", host.getJsonArray("changes").getJsonObject(0).getJsonArray("ops").getJsonObject(0)
      .getString("type"));
    JsonObject asker = new JsonObject(BoardPublications.shownTo(headers(batch), new Viewer("p-asker", false)));
    assertEquals(asked, asker.getJsonArray("changes").getJsonObject(0).getJsonArray("ops"));
    assertEquals(List.of(2L, 3L), revs(asker));
    assertNull(BoardPublications.shownTo(headers(batch), new Viewer("p-someone-else", false)));
  }

  private static JsonObject headers(io.vertx.core.eventbus.Message<String> message) {
    JsonObject headers = new JsonObject();
    message.headers().forEach(header -> headers.put(header.getKey(), header.getValue()));
    return headers;
  }
}
