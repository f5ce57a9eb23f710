package org.aantafel.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.InMemory;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.Eventually.eventually;
import static org.aantafel.testsupport.Frames.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A webinar's room fills with listeners who watch without a seat. What everyone already there receives because
 * someone joined is at most one presence message, and that message counts the watchers instead of listing them:
 * bytes per join that do not grow with the room. Bytes, not time, so a slow machine cannot make it pass or fail.
 */
@InMemory
class PresenceBudgetTest extends ServerTest {
  private static final int LISTENERS = 300;
  private static final int ALREADY_THERE = 3;
  /**
   * One presence message of a board where only the host has a seat, with its bridge and SockJS framing, is about
   * 235 characters (ASCII: SockJS escapes everything else); a join may cost at most one such message, and no message
   * may be larger. Measured: under 2 bytes a join, as the arrivals are gathered into one message every 200 ms.
   */
  private static final int BYTES_PER_JOIN = 300;
  /** The join reply counts the watchers too: from 3 to 303 it may grow by the digits of that count, not per person. */
  private static final int REPLY_GROWTH = 8;

  private record Watcher(BusClient client, AtomicLong bytes, AtomicInteger largest, AtomicInteger watching) {}

  @Test
  void presenceWith300ListenersStaysWithinAByteBudgetPerJoin() {
    CreatedBoard board = server.createBoard("Webinar", "webinar");
    List<Watcher> present = new ArrayList<>();
    present.add(watcher(board, "facilitator", "host", "Host"));
    for (int i = 0; i < ALREADY_THERE; i++) {
      present.add(watcher(board, "viewer", "early" + i, null));
    }
    eventually(() -> present.forEach(w -> assertEquals(ALREADY_THERE, w.watching().get())));
    present.forEach(w -> {
      w.bytes().set(0);
      w.largest().set(0);
    });

    List<BusClient> room = await(Future.all(IntStream.range(0, LISTENERS)
      .mapToObj(i -> BusClient.open(vertx, "localhost", server.port(), null)).toList())).list();
    List<JsonObject> replies = await(Future.all(IntStream.range(0, LISTENERS).mapToObj(i -> room.get(i)
      .request(Addresses.JOIN, join(board, "viewer", "l" + i, null))
      .onSuccess(r -> room.get(i).register(Addresses.presence(board.id()), p -> { }))).toList())).list();

    eventually(() -> present.forEach(w -> assertEquals(ALREADY_THERE + LISTENERS, w.watching().get())));
    for (Watcher w : present) {
      long perJoin = w.bytes().get() / LISTENERS;
      assertTrue(perJoin <= BYTES_PER_JOIN, "bytes per join to someone already there: " + perJoin
        + " (" + w.bytes().get() + " for " + LISTENERS + " joins)");
      // Per message, not per frame: a busy server may send two presence messages in one SockJS frame
      assertTrue(w.largest().get() <= BYTES_PER_JOIN, "a presence message of " + w.largest().get() + " bytes");
    }
    IntSummaryStatistics sizes = replies.stream().mapToInt(r -> r.encode().length()).summaryStatistics();
    assertTrue(sizes.getMax() - sizes.getMin() <= REPLY_GROWTH, "join replies from " + sizes.getMin() + " to "
      + sizes.getMax() + " characters");
    await(Future.all(room.stream().map(BusClient::closeAsync).toList()));
    present.forEach(w -> w.client().close());
  }

  private Watcher watcher(CreatedBoard board, String grant, String clientId, String name) {
    BusClient client = server.bus();
    AtomicLong bytes = new AtomicLong();
    AtomicInteger largest = new AtomicInteger();
    AtomicInteger watching = new AtomicInteger(-1);
    client.onTextFrame(bytes::addAndGet);
    client.onMessageSize(n -> largest.accumulateAndGet(n, Math::max));
    // As the browser: the join's answer says how many watch, presence messages say it from then on. A presence
    // message sent before the registration is in place never comes, so the answer is the first value.
    watching.set(client.call(Addresses.JOIN, join(board, grant, clientId, name)).getInteger("watching"));
    client.register(Addresses.presence(board.id()), p -> watching.set(p.getInteger("watching")));
    // Frames of one socket are handled in order: once the ping is answered, the registration is in place, so the
    // next person's join cannot be told to everyone before this watcher listens.
    client.call(Addresses.PING, new JsonObject().put("boardId", board.id()));
    return new Watcher(client, bytes, largest, watching);
  }
}
