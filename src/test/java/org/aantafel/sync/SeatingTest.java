package org.aantafel.sync;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.aantafel.Limits;
import org.aantafel.board.BoardState;
import org.aantafel.store.AccessTokens;
import org.aantafel.store.BoardStore;
import org.aantafel.store.memory.InMemoryStore;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may sit down at a full board: nobody new, seated or not; whoever is already there may join again. And no more
 * people with a name than the configured seats per board.
 */
class SeatingTest {

  @Test
  void aFullBoardTakesNoNewSocketButLetsThoseAlreadyThereJoinAgain() {
    InMemoryStore store = boardB1();
    Presence presence = new Presence();
    for (int i = 0; i < Seating.MAX_ONLINE; i++) {
      presence.connect("socket-" + i, null, null);
    }
    Seating seating = new Seating("b1", store, presence, Limits.DEFAULT_SEATS_PER_BOARD, links());

    Future<Seating.Admission> newcomer = admit(seating, join("socket-new", null));
    assertTrue(newcomer.failed());
    assertEquals(429, ((Refusal) newcomer.cause()).code());
    Future<Seating.Admission> withName = admit(seating, join("socket-new-2", "Mallory"));
    assertTrue(withName.failed(), "a seat does not get around the limit");
    assertTrue(admit(seating, join("socket-7", null)).succeeded(), "a socket already there joins again");
  }

  @Test
  void noMorePeopleWithANameThanTheConfiguredSeatsButListenersStillJoin() {
    int seats = 3;
    Presence presence = new Presence();
    Seating seating = new Seating("b1", boardB1(), presence, seats, links());
    for (int i = 0; i < seats; i++) {
      Seating.Admission admitted = await(admit(seating, join("socket-" + i, "Person " + i)));
      assertTrue(admitted.seated());
      presence.connect("socket-" + i, admitted.participantId(), null);
    }

    Future<Seating.Admission> oneTooMany = admit(seating, join("socket-late", "Late"));
    assertTrue(oneTooMany.failed());
    assertEquals(409, ((Refusal) oneTooMany.cause()).code());
    assertTrue(((Refusal) oneTooMany.cause()).getMessage().contains("at most " + seats));
    assertFalse(await(admit(seating, join("socket-listener", null))).seated(), "a listener needs no seat");
  }

  @Test
  void aBoardConfiguredForMoreSeatsThanTheDefaultSeatsThemAll() {
    int seats = Limits.DEFAULT_SEATS_PER_BOARD + 5;
    Presence presence = new Presence();
    Seating seating = new Seating("b1", boardB1(), presence, seats, links());
    for (int i = 0; i < seats; i++) {
      Seating.Admission admitted = await(admit(seating, join("socket-" + i, "Person " + i)));
      presence.connect("socket-" + i, admitted.participantId(), null);
    }
    assertEquals(seats, presence.seats());
    assertEquals(409, ((Refusal) admit(seating, join("socket-late", "Late")).cause()).code());
  }

  private static InMemoryStore boardB1() {
    InMemoryStore store = new InMemoryStore();
    await(store.createBoard(new BoardStore.NewBoard("b1", "Webinar", "nl", "webinar",
        List.of(new BoardStore.Access(AccessTokens.hash("participant-token"), "participant")),
        new JsonObject(BoardState.create("Webinar", "nl").toMap()))));
    return store;
  }

  private static Links links() {
    return new Links(List.of(new BoardStore.Access(AccessTokens.hash("participant-token"), "participant")));
  }

  /** As the hub does it: the link looked up before the board's turn, then admitted in it. */
  private static Future<Seating.Admission> admit(Seating seating, JoinRequest request) {
    return seating.lookUp(request).compose(found -> seating.admit(request, found));
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
