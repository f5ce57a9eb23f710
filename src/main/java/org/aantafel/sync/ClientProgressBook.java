package org.aantafel.sync;

import io.vertx.core.Future;
import org.aantafel.store.BoardStore;
import org.aantafel.store.BoardStore.ClientProgress;

import java.util.HashMap;
import java.util.Map;

/**
 * How far each client of a board got, and whose client it is: the newest committed (seq, revision) per clientId,
 * asked of the store only the first time the hub meets that client. A clientId belongs to the seat that first
 * committed with it, so nobody else's submits can count as that person's or spoil their de-duplication.
 */
final class ClientProgressBook {
  private final String boardId;
  private final BoardStore store;
  private final Map<String, ClientProgress> byClient = new HashMap<>();

  ClientProgressBook(String boardId, BoardStore store) {
    this.boardId = boardId;
    this.store = store;
  }

  /** The client's progress, or null when it never committed; fails with 403 when it belongs to someone else. */
  Future<ClientProgress> of(String clientId, String participantId) {
    return lookUp(clientId).map(progress -> {
      if (progress != null && !participantId.equals(progress.participantId())) {
        throw new Refusal(Refusal.FORBIDDEN, "this device id belongs to someone else at this board; reload");
      }
      return progress;
    });
  }

  void committed(String clientId, long seq, long rev, String participantId) {
    byClient.put(clientId, new ClientProgress(seq, rev, participantId));
  }

  private Future<ClientProgress> lookUp(String clientId) {
    if (byClient.containsKey(clientId)) {
      return Future.succeededFuture(byClient.get(clientId));
    }
    return store.lastCommitted(boardId, clientId).map(found -> {
      byClient.putIfAbsent(clientId, found.orElse(null));
      return byClient.get(clientId);
    });
  }
}
