package org.aantafel.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.Frames;
import org.aantafel.testsupport.InMemory;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 17 point 1: sockets that send a join and close at once must not stay counted as watching. A join answered
 * after its socket closed is undone, so that ghosts cannot fill a board and lock out its own facilitator.
 */
@InMemory
class GhostWatcherAttackTest extends ServerTest {
  private static final int GHOSTS = 30;

  @Test
  void socketsThatCloseRightAfterTheirJoinAreNotCountedAsWatching() {
    CreatedBoard board = server.createBoard("Ghosts");
    BusClient facilitator = server.bus();
    facilitator.call(Addresses.JOIN, Frames.join(board, "facilitator", "fac", "Fenna"));

    List<Future<Void>> closed = new ArrayList<>();
    for (int i = 0; i < GHOSTS; i++) {
      BusClient ghost = server.bus();
      // The join is written and the socket closed at once, before any answer can come.
      ghost.request(Addresses.JOIN, Frames.join(board, "viewer", "ghost" + i, null));
      closed.add(ghost.closeAsync());
    }
    await(Future.join(closed));

    // Each look is a fresh viewer's join, which counts itself: one means nobody else watches.
    eventually(() -> assertEquals(1, watchingWithAFreshViewer(board), "every ghost's socket is closed"));

    BusClient viewer = server.bus();
    viewer.call(Addresses.JOIN, Frames.join(board, "viewer", "real", null));
    assertEquals(2, watchingWithAFreshViewer(board), "a live viewer is counted");
    viewer.close();
    eventually(() -> assertEquals(1, watchingWithAFreshViewer(board), "and no longer once it left"));
    facilitator.close();
  }

  private static int watchingWithAFreshViewer(CreatedBoard board) {
    BusClient look = server.bus();
    try {
      JsonObject joined = look.call(Addresses.JOIN, Frames.join(board, "viewer", "look", null));
      return joined.getInteger("watching");
    } finally {
      look.close();
    }
  }
}
