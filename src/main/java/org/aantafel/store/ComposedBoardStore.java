package org.aantafel.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link BoardStore} made of one part per interface, each holding only its own tables. A driver builds its parts
 * (they share what makes an operation that spans them atomic: a transaction's connection, or one lock) and hands
 * them here; callers see one store. What stays the driver's own is reaching the database: {@link #ping()} and
 * {@link #close()}.
 */
public abstract class ComposedBoardStore implements BoardStore {

  /** The parts a driver composes; every method of the store is one of theirs. */
  public record Parts(OpLog opLog, Boards boards, Records records, Contacts contacts, SendQuotas sendQuotas) {}

  private final OpLog opLog;
  private final Boards boards;
  private final Records records;
  private final Contacts contacts;
  private final SendQuotas sendQuotas;

  protected ComposedBoardStore(Parts parts) {
    this.opLog = parts.opLog();
    this.boards = parts.boards();
    this.records = parts.records();
    this.contacts = parts.contacts();
    this.sendQuotas = parts.sendQuotas();
  }

  @Override
  public Future<Optional<Snapshot>> latestSnapshot(String boardId) {
    return opLog.latestSnapshot(boardId);
  }

  @Override
  public Future<List<CommittedChange>> changesBetween(String boardId, long afterRev, long uptoRev) {
    return opLog.changesBetween(boardId, afterRev, uptoRev);
  }

  @Override
  public Future<Void> appendChanges(Map<String, List<CommittedChange>> changesByBoard) {
    return opLog.appendChanges(changesByBoard);
  }

  @Override
  public Future<Optional<ClientProgress>> lastCommitted(String boardId, String clientId) {
    return opLog.lastCommitted(boardId, clientId);
  }

  @Override
  public Future<Void> saveSnapshot(String boardId, Snapshot snapshot) {
    return opLog.saveSnapshot(boardId, snapshot);
  }

  @Override
  public Future<Void> createBoard(NewBoard board) {
    return boards.createBoard(board);
  }

  @Override
  public Future<Optional<String>> findGrant(String boardId, byte[] tokenSha256) {
    return boards.findGrant(boardId, tokenSha256);
  }

  @Override
  public Future<Void> replaceLinks(String boardId, List<Access> access) {
    return boards.replaceLinks(boardId, access);
  }

  @Override
  public Future<List<Access>> links(String boardId) {
    return boards.links(boardId);
  }

  @Override
  public Future<Boolean> boardExists(String boardId) {
    return boards.boardExists(boardId);
  }

  @Override
  public Future<Void> saveParticipant(String boardId, Participant participant) {
    return boards.saveParticipant(boardId, participant);
  }

  @Override
  public Future<Void> addSeat(String boardId, Participant participant, byte[] seatSha256) {
    return boards.addSeat(boardId, participant, seatSha256);
  }

  @Override
  public Future<Optional<Participant>> findSeat(String boardId, byte[] seatSha256) {
    return boards.findSeat(boardId, seatSha256);
  }

  @Override
  public Future<Boolean> removeSeat(String boardId, String participantId) {
    return boards.removeSeat(boardId, participantId);
  }

  @Override
  public Future<List<Participant>> participants(String boardId) {
    return boards.participants(boardId);
  }

  @Override
  public Future<List<SeriesMeeting>> series(String boardId) {
    return boards.series(boardId);
  }

  @Override
  public Future<Optional<String>> findSeriesGrant(String boardId, byte[] tokenSha256, byte[] seatSha256) {
    return boards.findSeriesGrant(boardId, tokenSha256, seatSha256);
  }

  @Override
  public Future<Void> markReopened(String boardId) {
    return boards.markReopened(boardId);
  }

  @Override
  public Future<Optional<DeletedBoard>> deleteBoard(String boardId, Instant closedBefore) {
    return boards.deleteBoard(boardId, closedBefore);
  }

  @Override
  public Future<List<ClosedBoard>> closedBefore(Instant moment, int limit) {
    return boards.closedBefore(moment, limit);
  }

  @Override
  public Future<Void> saveRecord(String boardId, int version, long closedAtMillis, String closedBy,
                                 JsonObject record) {
    return records.saveRecord(boardId, version, closedAtMillis, closedBy, record);
  }

  @Override
  public Future<Boolean> recordFits(String boardId, JsonObject record) {
    return records.recordFits(boardId, record);
  }

  @Override
  public Future<List<RecordVersion>> records(String boardId) {
    return records.records(boardId);
  }

  @Override
  public Future<Optional<JsonObject>> record(String boardId, int version) {
    return records.record(boardId, version);
  }

  @Override
  public Future<Integer> lastRecordVersion(String boardId) {
    return records.lastRecordVersion(boardId);
  }

  @Override
  public Future<Optional<Contact>> contact(String boardId, String participantId) {
    return contacts.contact(boardId, participantId);
  }

  @Override
  public Future<Boolean> saveContact(String boardId, String participantId, String email, byte[] confirmationSha256,
                                     Instant sentAt) {
    return contacts.saveContact(boardId, participantId, email, confirmationSha256, sentAt);
  }

  @Override
  public Future<Boolean> confirmContact(byte[] confirmationSha256, Instant sentAfter) {
    return contacts.confirmContact(confirmationSha256, sentAfter);
  }

  @Override
  public Future<Void> removeContact(String boardId, String participantId) {
    return contacts.removeContact(boardId, participantId);
  }

  @Override
  public Future<List<String>> seriesEmails(String boardId) {
    return contacts.seriesEmails(boardId);
  }

  @Override
  public Future<Integer> takeQuotas(List<Quota> quotas, Instant forgetBefore) {
    return sendQuotas.takeQuotas(quotas, forgetBefore);
  }
}
