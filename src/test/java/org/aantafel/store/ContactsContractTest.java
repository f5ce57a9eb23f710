package org.aantafel.store;

import org.aantafel.store.Contacts.Contact;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static org.aantafel.store.StoreFixtures.await;
import static org.aantafel.store.StoreFixtures.newBoard;
import static org.aantafel.store.StoreFixtures.saveConfirmed;
import static org.aantafel.store.StoreFixtures.seriesBoard;
import static org.aantafel.store.StoreFixtures.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link Contacts} driver must do: addresses per participant, mailed only once confirmed. */
class ContactsContractTest {

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void theWholeSeriesAndOnlyItHearsOfAMeeting(BoardStore store) throws Exception {
    String first = newBoard(store);
    String followUp = UUID.randomUUID().toString();
    await(store.createBoard(seriesBoard(followUp, first, 2)));
    String unrelated = newBoard(store);
    saveConfirmed(store, first, "pAnnaAnnaAnnaAnn", "anna@family.test");
    saveConfirmed(store, first, "pBramBramBramBra", "bram@school.test");
    saveConfirmed(store, followUp, "pAnnaAgainAgainA", "Anna@Family.test");
    saveConfirmed(store, followUp, "pCeesCeesCeesCee", "cees@care.test");
    saveConfirmed(store, unrelated, "pDaanDaanDaanDaa", "daan@other.test");

    List<String> series = List.of("anna@family.test", "bram@school.test", "cees@care.test");
    assertEquals(series, lowerCase(await(store.seriesEmails(first))), "each person once, whatever the case");
    assertEquals(series, lowerCase(await(store.seriesEmails(followUp))));
    assertEquals(List.of("daan@other.test"), await(store.seriesEmails(unrelated)));
    assertEquals(List.of(), await(store.seriesEmails("no-such-board")));
  }

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void anAddressIsReplacedAndRemovedPerParticipant(BoardStore store) throws Exception {
    String boardId = newBoard(store);
    saveConfirmed(store, boardId, "pAnnaAnnaAnnaAnn", "old@family.test");
    saveConfirmed(store, boardId, "pAnnaAnnaAnnaAnn", "new@family.test");
    assertEquals(List.of("new@family.test"), await(store.seriesEmails(boardId)));
    await(store.removeContact(boardId, "pAnnaAnnaAnnaAnn"));
    await(store.removeContact(boardId, "pAnnaAnnaAnnaAnn"));
    assertEquals(List.of(), await(store.seriesEmails(boardId)));
  }

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void aFullBoardTakesNoNewAddressButLetsEveryoneReplaceTheirs(BoardStore store) throws Exception {
    String boardId = newBoard(store);
    for (int i = 0; i < BoardStore.MAX_CONTACTS_PER_BOARD; i++) {
      assertTrue(saveConfirmed(store, boardId, "p" + i, "person" + i + "@family.test"));
    }

    assertFalse(saveConfirmed(store, boardId, "pOneTooMany", "late@family.test"));
    assertTrue(saveConfirmed(store, boardId, "p0", "changed@family.test"));
    assertEquals(BoardStore.MAX_CONTACTS_PER_BOARD, await(store.seriesEmails(boardId)).size());
    assertTrue(await(store.seriesEmails(boardId)).contains("changed@family.test"));
  }

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void anAddressIsMailedOnlyOnceItsOwnerConfirmedItWithTheNewestSecret(BoardStore store) throws Exception {
    String boardId = newBoard(store);
    Instant sent = Instant.parse("2026-12-01T10:00:00Z");
    assertTrue(await(store.saveContact(boardId, "pAnnaAnnaAnnaAnn", "anna@family.test", sha256("first"), sent)));
    assertEquals(Optional.of(new Contact("anna@family.test", false)), await(store.contact(boardId, "pAnnaAnnaAnnaAnn")));
    assertEquals(List.of(), await(store.seriesEmails(boardId)), "not confirmed: nobody mails it");

    assertTrue(await(store.saveContact(boardId, "pAnnaAnnaAnnaAnn", "anna@family.test", sha256("second"), sent)));
    assertFalse(await(store.confirmContact(sha256("first"), sent.minusSeconds(60))), "a replaced link");
    assertFalse(await(store.confirmContact(sha256("second"), sent)), "a link sent before the oldest one taken");
    assertTrue(await(store.confirmContact(sha256("second"), sent.minusSeconds(60))));
    assertFalse(await(store.confirmContact(sha256("second"), sent.minusSeconds(60))), "a link confirms once");
    assertEquals(Optional.of(new Contact("anna@family.test", true)), await(store.contact(boardId, "pAnnaAnnaAnnaAnn")));
    assertEquals(List.of("anna@family.test"), await(store.seriesEmails(boardId)));

    assertTrue(await(store.saveContact(boardId, "pAnnaAnnaAnnaAnn", "other@family.test", sha256("third"), sent)));
    assertEquals(List.of(), await(store.seriesEmails(boardId)), "a new address starts unconfirmed");
    assertEquals(Optional.empty(), await(store.contact(boardId, "pNobodyNobodyNob")));
    assertEquals(Optional.empty(), await(store.contact("no-such-board", "pAnnaAnnaAnnaAnn")));
  }

  private static List<String> lowerCase(List<String> emails) {
    return emails.stream().map(email -> email.toLowerCase(Locale.ROOT)).toList();
  }
}
