package org.aantafel.sync;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.aantafel.store.BoardStore.ClientProgress;
import org.aantafel.store.BoardStore.CommittedChange;
import org.aantafel.store.BoardStore.Snapshot;
import org.aantafel.store.OpLog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The way from an applied change to its transaction (issue 18, point 2): a change used to wait two ticks of the hub's
 * event loop (one in {@link GroupCommit}, one in {@link CommitLog}) before its transaction started. It now starts in
 * the turn that applied it, which is counted here as "the op log was asked before {@code add} returned", with no
 * event loop at all; batching comes from the transaction on its way instead of from the ticks.
 */
class GroupCommitTest {

  /** An op log whose transactions stay on their way until the test completes them. */
  private static final class PendingOpLog implements OpLog {
    final List<Map<String, List<CommittedChange>>> transactions = new ArrayList<>();
    final List<Promise<Void>> outcomes = new ArrayList<>();

    @Override
    public Future<Void> appendChanges(Map<String, List<CommittedChange>> changesByBoard) {
      transactions.add(changesByBoard);
      Promise<Void> outcome = Promise.promise();
      outcomes.add(outcome);
      return outcome.future();
    }

    List<Long> revs(int transaction, String boardId) {
      return transactions.get(transaction).get(boardId).stream().map(CommittedChange::rev).toList();
    }

    @Override
    public Future<Optional<Snapshot>> latestSnapshot(String boardId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<List<CommittedChange>> changesBetween(String boardId, long afterRev, long uptoRev) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Optional<ClientProgress>> lastCommitted(String boardId, String clientId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Void> saveSnapshot(String boardId, Snapshot snapshot) {
      throw new UnsupportedOperationException();
    }
  }

  private final PendingOpLog opLog = new PendingOpLog();
  private final CommitLog log = new CommitLog(opLog);
  private final List<Long> published = new ArrayList<>();

  private GroupCommit board(String boardId) {
    return new GroupCommit(changes -> log.append(boardId, changes), 0,
      durable -> durable.forEach(c -> published.add(c.rev())), failure -> { });
  }

  private static Change change(long rev) {
    return new Change(rev, "client", rev, "participant", List.of(), 0, ChangeViews.UNKNOWN);
  }

  @Test
  void aChangeStartsItsTransactionInTheTurnThatAppliedIt() {
    GroupCommit a = board("a");

    a.add(change(1));

    assertEquals(1, opLog.transactions.size(), "the transaction started before add returned");
    assertEquals(List.of(1L), opLog.revs(0, "a"));
  }

  @Test
  void theAckAndThePublishWaitForTheCommit() {
    GroupCommit a = board("a");
    a.add(change(1));
    Future<Void> acked = a.durable(1);

    assertFalse(acked.isComplete());
    assertEquals(List.of(), published);

    opLog.outcomes.get(0).complete();

    assertTrue(acked.succeeded());
    assertEquals(List.of(1L), published);
  }

  @Test
  void whatArrivesWhileATransactionIsOnItsWayGoesTogetherIntoTheNext() {
    GroupCommit a = board("a");
    GroupCommit b = board("b");
    a.add(change(1));
    a.add(change(2));
    a.add(change(3));
    b.add(change(1));

    assertEquals(1, opLog.transactions.size(), "nothing more is written while one transaction is on its way");

    opLog.outcomes.get(0).complete();

    assertEquals(2, opLog.transactions.size(), "both boards' next groups in one transaction, not one each");
    assertEquals(List.of(2L, 3L), opLog.revs(1, "a"));
    assertEquals(List.of(1L), opLog.revs(1, "b"));

    opLog.outcomes.get(1).complete();

    assertEquals(4, published.size());
    assertEquals(3, a.durableRev());
    assertEquals(1, b.durableRev());
    assertTrue(a.idle() && b.idle());
  }

  @Test
  void aFailedTransactionFailsEveryLaterRevisionOfTheBoard() {
    GroupCommit a = board("a");
    a.add(change(1));
    a.add(change(2));
    Future<Void> second = a.durable(2);

    opLog.outcomes.get(0).fail(new IllegalStateException("disk full"));

    assertTrue(second.failed());
    assertEquals(1, opLog.transactions.size(), "nothing built on a failed group is written");
    assertTrue(a.durable(3).failed());
  }
}
