package org.aantafel.sync;

import io.vertx.core.Future;
import org.aantafel.board.Grant;
import org.aantafel.store.AccessTokens;
import org.aantafel.store.BoardStore;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who a join is, decided from secrets the server issued and nothing else the client chose: a seat names the person; a
 * link's token gives a grant; a participant's or facilitator's link with a name takes a new seat (the secret goes back
 * to that browser once, only its hash is stored); everyone else watches, counted but never listed or recorded.
 * The secrets are looked up before the board's turn ({@link #lookUp}) and what was found is checked again in it
 * ({@link #admit}): a flood of wrong links costs no turn, and links replaced meanwhile are seen. Every later message
 * of a socket is checked against the links and seats as they are then ({@link #currentGrant}).
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

  /** What a join's secrets were found to open, before its turn. */
  record Found(Optional<BoardStore.Participant> seat) {}

  private final String boardId;
  private final BoardStore store;
  private final Presence presence;
  private final int maxSeats;
  private final Links links;
  private final Map<String, String> grantBySeat = new HashMap<>();
  private Future<Void> saved = Future.succeededFuture();

  Seating(String boardId, BoardStore store, Presence presence, int maxSeats, Links links) {
    this.boardId = boardId;
    this.store = store;
    this.presence = presence;
    this.maxSeats = maxSeats;
    this.links = links;
  }

  /** A seat the store already holds, as the hub is loaded. */
  void known(BoardStore.Participant participant) {
    presence.remember(participant.participantId(), participant.name(), participant.role());
    grantBySeat.put(participant.participantId(), participant.grant());
  }

  /**
   * What a socket may do now: the stronger of its link, while that still opens the board, and its seat, while it is
   * still held; empty when neither does any more.
   *
   * @param linkHash      the hash of the token the socket joined with, or null
   * @param participantId the seat it joined as, or null
   */
  Optional<Grant> currentGrant(String linkHash, String participantId) {
    String bySeat = participantId == null ? null : grantBySeat.get(participantId);
    if (participantId != null && bySeat == null) {
      // Joined as a person whose seat was taken back: no link speaks for them any more.
      return Optional.empty();
    }
    return Optional.ofNullable(stronger(links.grantOfHash(linkHash).orElse(null), bySeat)).map(Grant::parse);
  }

  /** The facilitator takes a seat back: it opens nothing, the person leaves the table and frees the room. */
  void remove(String participantId) {
    grantBySeat.remove(participantId);
    presence.removeSeat(participantId);
  }

  /** The links of the board as replaced by the facilitator; @return the hashes that no longer open it */
  java.util.Set<String> replaceLinks(java.util.List<BoardStore.Access> access) {
    return links.replace(access);
  }

  /**
   * Outside the board's turn: a link is checked in memory, and a wrong one without a seat is refused here at once; a
   * seat is looked up in the store, which may take a while without holding up the board.
   */
  Future<Found> lookUp(JoinRequest request) {
    if (request.seat() == null) {
      return links.grantOfToken(request.token()).isPresent() ? Future.succeededFuture(new Found(Optional.empty()))
        : Future.failedFuture(Refusal.noAccess());
    }
    return store.findSeat(boardId, AccessTokens.hash(request.seat())).map(Found::new);
  }

  /** Completes once every seat and name given so far is stored, so a close can put everyone on its record. */
  Future<Void> allSaved() {
    return saved;
  }

  /** In the board's turn, with what {@link #lookUp} found: the links and seats as they are now decide. */
  Future<Admission> admit(JoinRequest request, Found found) {
    return Future.succeededFuture(found).compose(f -> {
      Optional<String> tokenGrant = links.grantOfToken(request.token());
      Optional<BoardStore.Participant> seat = found.seat()
        .filter(held -> grantBySeat.containsKey(held.participantId()));
      if (tokenGrant.isEmpty() && seat.isEmpty() || request.seat() != null && seat.isEmpty()) {
        // Unknown boards, wrong links and wrong seats look the same from outside.
        throw Refusal.noAccess();
      }
      String grant = stronger(tokenGrant.orElse(null), seat.map(BoardStore.Participant::grant).orElse(null));
      // A socket already at the board may join again (a new name, a catch-up); a new one only while there is room,
      // seated or not, so one person's many sockets cannot fill the board either. The facilitator's link is never
      // locked out of its own board by a crowd of watchers.
      if (request.socketId() != null && !presence.connected(request.socketId()) && presence.online() >= MAX_ONLINE
        && !Grant.parse(grant).atLeast(Grant.FACILITATOR)) {
        throw new Refusal(Refusal.RATE_LIMITED, "this board is full; try again later");
      }
      if (seat.isPresent()) {
        boolean renamed = rename(seat.get(), request);
        return Future.succeededFuture(new Admission(seat.get().participantId(), grant, null, renamed));
      }
      if (request.name() == null || !Grant.parse(grant).atLeast(Grant.PARTICIPANT)) {
        return Future.succeededFuture(new Admission(null, grant, null, false));
      }
      String held = presence.participantOf(request.socketId());
      if (held != null && grantBySeat.containsKey(held)) {
        // One socket takes at most one new seat per board: a second join with a name renames the seat it holds.
        BoardStore.Participant own = new BoardStore.Participant(held, presence.name(held), presence.role(held),
          grantBySeat.get(held));
        boolean renamed = rename(own, request);
        return Future.succeededFuture(new Admission(held, stronger(grant, own.grant()), null, renamed));
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
      grantBySeat.put(participantId, grant);
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
