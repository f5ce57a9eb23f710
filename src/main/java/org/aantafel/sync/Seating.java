package org.aantafel.sync;

import io.vertx.core.Future;
import org.aantafel.board.Grant;
import org.aantafel.store.AccessTokens;
import org.aantafel.store.BoardStore;

import java.util.Optional;

/**
 * Who a join is, decided from secrets the server issued and nothing else the client chose: a seat names the person; a
 * link's token gives a grant; a participant's or facilitator's link with a name takes a new seat (the secret goes back
 * to that browser once, only its hash is stored); everyone else watches, counted but never listed or recorded.
 */
final class Seating {
  /** Sockets on one board at once, watching or seated. */
  static final int MAX_ONLINE = 5_000;

  /**
   * How a join was admitted; participantId is null for someone who watches, newSeat set only when one was issued, and
   * introduced when the table learns a new person or a new name.
   */
  record Admission(String participantId, String grant, String newSeat, boolean introduced) {
    boolean seated() {
      return participantId != null;
    }
  }

  private final String boardId;
  private final BoardStore store;
  private final Presence presence;
  private final int maxSeats;
  private Future<Void> saved = Future.succeededFuture();

  Seating(String boardId, BoardStore store, Presence presence, int maxSeats) {
    this.boardId = boardId;
    this.store = store;
    this.presence = presence;
    this.maxSeats = maxSeats;
  }

  /** Completes once every seat and name given so far is stored, so a close can put everyone on its record. */
  Future<Void> allSaved() {
    return saved;
  }

  Future<Admission> admit(JoinRequest request) {
    Future<Optional<String>> byToken = request.token() == null ? Future.succeededFuture(Optional.empty())
      : store.findGrant(boardId, AccessTokens.hash(request.token()));
    Future<Optional<BoardStore.Participant>> bySeat = request.seat() == null ? Future.succeededFuture(Optional.empty())
      : store.findSeat(boardId, AccessTokens.hash(request.seat()));
    return Future.all(byToken, bySeat).compose(found -> {
      Optional<String> tokenGrant = byToken.result();
      Optional<BoardStore.Participant> seat = bySeat.result();
      if (tokenGrant.isEmpty() && seat.isEmpty() || request.seat() != null && seat.isEmpty()) {
        // Unknown boards, wrong links and wrong seats look the same from outside.
        throw Refusal.noAccess();
      }
      String grant = stronger(tokenGrant.orElse(null), seat.map(BoardStore.Participant::grant).orElse(null));
      // A socket already at the board may join again (a new name, a catch-up); a new one only while there is room,
      // seated or not, so one person's many sockets cannot fill the board either.
      if (request.socketId() != null && !presence.connected(request.socketId()) && presence.online() >= MAX_ONLINE) {
        throw new Refusal(Refusal.RATE_LIMITED, "this board is full; try again later");
      }
      if (seat.isPresent()) {
        boolean renamed = rename(seat.get(), request);
        return Future.succeededFuture(new Admission(seat.get().participantId(), grant, null, renamed));
      }
      if (request.name() == null || !Grant.parse(grant).atLeast(Grant.PARTICIPANT)) {
        return Future.succeededFuture(new Admission(null, grant, null, false));
      }
      return newSeat(request, grant);
    });
  }

  private Future<Admission> newSeat(JoinRequest request, String grant) {
    if (presence.seats() >= maxSeats) {
      throw new Refusal(Refusal.CONFLICT, "this meeting has room for at most " + maxSeats + " people");
    }
    String secret = AccessTokens.newToken();
    String participantId = "p" + AccessTokens.newToken().substring(0, 15);
    String role = request.role() != null ? request.role() : grant;
    BoardStore.Participant participant = new BoardStore.Participant(participantId, request.name(), role, grant);
    Future<Void> stored = store.addSeat(boardId, participant, AccessTokens.hash(secret));
    saved = saved.transform(v -> stored).recover(e -> Future.succeededFuture());
    return stored.map(v -> {
      presence.remember(participantId, request.name(), role);
      return new Admission(participantId, grant, secret, true);
    });
  }

  /**
   * A seated person may change how they are called; a join without a name never blanks the name.
   *
   * @return whether the others see a new name or role
   */
  private boolean rename(BoardStore.Participant seat, JoinRequest request) {
    String id = seat.participantId();
    String name = request.name() != null ? request.name() : presence.knownName(id).orElse(seat.name());
    String role = request.role() != null ? request.role() : presence.knownRole(id).orElse(seat.role());
    boolean changed = !presence.name(id).equals(name) || !presence.role(id).equals(role);
    presence.remember(id, name, role);
    if (changed && request.name() != null) {
      BoardStore.Participant renamed = new BoardStore.Participant(id, name, role, seat.grant());
      saved = saved.transform(v -> store.saveParticipant(boardId, renamed)).recover(e -> Future.succeededFuture());
    }
    return changed;
  }

  private static String stronger(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return Grant.parse(b).ordinal() > Grant.parse(a).ordinal() ? b : a;
  }
}
