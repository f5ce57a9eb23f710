package org.aantafel.store;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.aantafel.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.aantafel.testsupport.BusClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** E-mail addresses left on boards, and who receives the mail of a series. */
class ContactStoreTest {

  private static Vertx vertx;
  private static BoardStore store;

  @BeforeAll
  static void openStore() {
    vertx = Vertx.vertx();
    store = await(Stores.open(vertx, TestDatabase.freshUrl(), Path.of("target", "unused-data-dir")));
  }

  @AfterAll
  static void closeStore() {
    await(store.close());
    await(vertx.close());
  }

  @Test
  void theWholeSeriesAndOnlyItHearsOfAMeeting() {
    String first = board(null, 1);
    String followUp = board(first, 2);
    String unrelated = board(null, 1);
    await(store.saveContact(first, "pAnnaAnnaAnnaAnn", "anna@family.test"));
    await(store.saveContact(first, "pBramBramBramBra", "bram@school.test"));
    await(store.saveContact(followUp, "pAnnaAgainAgainA", "Anna@Family.test"));
    await(store.saveContact(followUp, "pCeesCeesCeesCee", "cees@care.test"));
    await(store.saveContact(unrelated, "pDaanDaanDaanDaa", "daan@other.test"));

    List<String> series = List.of("anna@family.test", "bram@school.test", "cees@care.test");
    assertEquals(series, lowerCase(await(store.seriesEmails(first))), "each person once, whatever the case");
    assertEquals(series, lowerCase(await(store.seriesEmails(followUp))));
    assertEquals(List.of("daan@other.test"), await(store.seriesEmails(unrelated)));
    assertEquals(List.of(), await(store.seriesEmails("no-such-board")));
  }

  @Test
  void anAddressIsReplacedAndRemovedPerParticipant() {
    String boardId = board(null, 1);
    await(store.saveContact(boardId, "pAnnaAnnaAnnaAnn", "old@family.test"));
    await(store.saveContact(boardId, "pAnnaAnnaAnnaAnn", "new@family.test"));
    assertEquals(List.of("new@family.test"), await(store.seriesEmails(boardId)));
    await(store.removeContact(boardId, "pAnnaAnnaAnnaAnn"));
    await(store.removeContact(boardId, "pAnnaAnnaAnnaAnn"));
    assertEquals(List.of(), await(store.seriesEmails(boardId)));
  }

  private static List<String> lowerCase(List<String> emails) {
    return emails.stream().map(e -> e.toLowerCase(java.util.Locale.ROOT)).toList();
  }

  private static String board(String seriesId, int seq) {
    String boardId = UUID.randomUUID().toString();
    await(store.createBoard(new BoardStore.NewBoard(boardId, "Meeting", "nl", "empty", List.of(),
        new JsonObject(), seriesId, seq)));
    return boardId;
  }
}
