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

/** Issue 17 point 5: a full board makes room again when the facilitator takes a seat back. */
class SeatCeilingTest {

  @Test
  void aRemovedSeatFreesItsRoomAndOpensNothing() {
    InMemoryStore store = new InMemoryStore();
    done(store.createBoard(new BoardStore.NewBoard("b1", "Vol", "nl", "empty",
      List.of(new BoardStore.Access(AccessTokens.hash("participant-token"), "participant")),
      new JsonObject(BoardState.create("Vol", "nl").toMap()))));
    Presence presence = new Presence();
    Seating seating = new Seating("b1", store, presence, 2, new Links(done(store.links("b1"))));
    Seating.Admission first = done(admit(seating, join("s1", null, "Squatter")));
    presence.connect("s1", first.participantId(), null);
    Seating.Admission second = done(admit(seating, join("s2", null, "Squatter 2")));
    presence.connect("s2", second.participantId(), null);
    assertEquals(409, ((Refusal) admit(seating, join("mum", null, "Mia")).cause()).code(), "full");

    done(store.removeSeat("b1", first.participantId()));
    seating.remove(first.participantId());

    assertTrue(seating.currentGrant(null, first.participantId()).isEmpty(), "the removed seat speaks for nobody");
    assertEquals(403, ((Refusal) admit(seating, join("s1b", first.newSeat(), null)).cause()).code());
    assertTrue(done(admit(seating, join("mum", null, "Mia"))).seated(), "the mother takes the freed room");
  }

  @Test
  void aBoardFullOfWatchersStillAdmitsItsFacilitatorButNoOtherNewcomer() {
    InMemoryStore store = new InMemoryStore();
    done(store.createBoard(new BoardStore.NewBoard("b1", "Vol", "nl", "empty",
      List.of(new BoardStore.Access(AccessTokens.hash("participant-token"), "participant"),
        new BoardStore.Access(AccessTokens.hash("facilitator-token"), "facilitator")),
      new JsonObject(BoardState.create("Vol", "nl").toMap()))));
    Presence presence = new Presence();
    for (int i = 0; i < Seating.MAX_ONLINE; i++) {
      presence.connect("watcher-" + i, null, null);
    }
    Seating seating = new Seating("b1", store, presence, 300, new Links(done(store.links("b1"))));

    assertEquals(429, ((Refusal) admit(seating, join("late", null, null)).cause()).code(), "full for a newcomer");
    JoinRequest facilitator = new JoinRequest("b1", "facilitator-token", null, "client-fac", "Fenna", "teacher",
      null, "fac-socket", null, "ticket");
    assertTrue(done(admit(seating, facilitator)).seated(), "the facilitator takes their own board's chair");
  }

  private static Future<Seating.Admission> admit(Seating seating, JoinRequest request) {
    return seating.lookUp(request).compose(found -> seating.admit(request, found));
  }

  private static JoinRequest join(String socketId, String seat, String name) {
    return new JoinRequest("b1", seat == null ? "participant-token" : null, seat, "client-" + socketId, name,
      name == null ? null : "parent", null, socketId, null, "ticket");
  }

  private static <T> T done(Future<T> future) {
    assertTrue(future.succeeded(), String.valueOf(future.cause()));
    return future.result();
  }
}
