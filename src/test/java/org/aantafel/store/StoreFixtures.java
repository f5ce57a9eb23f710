package org.aantafel.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aantafel.store.BoardStore.Access;
import org.aantafel.store.BoardStore.CommittedChange;
import org.aantafel.store.BoardStore.NewBoard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The boards, changes and records the store's tests write, and waiting for a store's answer. */
public final class StoreFixtures {

  private StoreFixtures() {
  }

  public static String newBoard(BoardStore store) throws Exception {
    String boardId = UUID.randomUUID().toString();
    await(store.createBoard(board(boardId)));
    return boardId;
  }

  public static NewBoard board(String boardId) {
    return new NewBoard(boardId, "Startgesprek groep 6", "nl", "start-of-year",
        List.of(new Access(sha256("facilitator-token"), "facilitator"),
            new Access(sha256("participant-token"), "participant"),
            new Access(sha256("viewer-token"), "viewer"),
            new Access(sha256("projector-token"), "projector")),
        initialState());
  }

  public static NewBoard seriesBoard(String boardId, String seriesId, int seq) {
    return new NewBoard(boardId, "Vervolg", "nl", "empty", List.of(), initialState(), seriesId, seq);
  }

  public static JsonObject initialState() {
    return new JsonObject().put("board", new JsonObject().put("title", "Startgesprek groep 6").put("phase", "prepare"))
        .put("entities", new JsonObject());
  }

  public static CommittedChange change(long rev, String clientId, long seq) {
    JsonArray ops = new JsonArray()
        .add(new JsonObject().put("type", "set").put("id", "board").put("field", "goal").put("value", "rev " + rev))
        .add(new JsonObject().put("type", "text").put("id", "item-1").put("field", "title")
            .put("edit", new JsonArray().add(3).add("ë€😀").add(-2)))
        .add(new JsonObject().put("type", "create").put("id", "item-" + rev).put("kind", "agendaItem")
            .put("fields", new JsonObject().put("order", "a0").put("late", false).putNull("owner")));
    // Whole milliseconds far from the epoch: timestamptz keeps microseconds, so these must come back exactly.
    return new CommittedChange(rev, clientId, seq, "participant-" + clientId, ops, 1_790_000_000_123L + rev);
  }

  public static JsonObject record(String goal) {
    return new JsonObject().put("format", 1).put("goal", goal)
        .put("actions", new JsonArray().add(new JsonObject().put("what", "bellen ë€😀").put("who", "Anna")));
  }

  /** An address as its owner leaves and confirms it. */
  public static boolean saveConfirmed(BoardStore store, String boardId, String participantId, String email)
      throws Exception {
    byte[] secret = sha256(UUID.randomUUID().toString());
    boolean saved = await(store.saveContact(boardId, participantId, email, secret, Instant.now()));
    if (saved) {
      assertTrue(await(store.confirmContact(secret, Instant.now().minusSeconds(3_600))));
    }
    return saved;
  }

  public static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  public static Throwable failureOf(Future<?> future) throws Exception {
    ExecutionException thrown = assertThrows(ExecutionException.class, () -> await(future));
    return thrown.getCause();
  }

  public static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
