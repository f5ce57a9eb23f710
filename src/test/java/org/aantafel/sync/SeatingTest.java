package org.aantafel.sync;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.aantafel.board.BoardState;
import org.aantafel.store.AccessTokens;
import org.aantafel.store.BoardStore;
import org.aantafel.store.memory.InMemoryStore;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may sit down at a full board: nobody new, seated or not; whoever is already there may join again. */
class SeatingTest {

  @Test
  void aFullBoardTakesNoNewSocketButLetsThoseAlreadyThereJoinAgain() {
    InMemoryStore store = new InMemoryStore();
    await(store.createBoard(new BoardStore.NewBoard("b1", "Webinar", "nl", "webinar",
        List.of(new BoardStore.Access(AccessTokens.hash("participant-token"), "participant")),
        new JsonObject(BoardState.create("Webinar", "nl").toMap()))));
    Presence presence = new Presence();
    for (int i = 0; i < Seating.MAX_ONLINE; i++) {
      presence.connect("socket-" + i, null, null);
    }
    Seating seating = new Seating("b1", store, presence);

    Future<Seating.Admission> newcomer = seating.admit(join("socket-new", null));
    assertTrue(newcomer.failed());
    assertEquals(429, ((Refusal) newcomer.cause()).code());
    Future<Seating.Admission> withName = seating.admit(join("socket-new-2", "Mallory"));
    assertTrue(withName.failed(), "a seat does not get around the limit");
    assertTrue(seating.admit(join("socket-7", null)).succeeded(), "a socket already there joins again");
  }

  private static JoinRequest join(String socketId, String name) {
    return new JoinRequest("b1", "participant-token", null, "client-" + socketId, name, name == null ? null : "parent",
        null, socketId, null, "ticket");
  }

  private static <T> T await(Future<T> future) {
    assertTrue(future.succeeded(), String.valueOf(future.cause()));
    return future.result();
  }
}
