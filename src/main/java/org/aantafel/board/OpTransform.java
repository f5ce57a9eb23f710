package org.aantafel.board;

import java.util.ArrayList;
import java.util.List;

/**
 * Transforms lists of ops made concurrently on the same state. Ops inside one list are sequential, so each op of
 * one list is transformed over the other list, and the other list over that op before it meets the next one.
 */
public final class OpTransform {

  private OpTransform() {
  }

  /**
   * Server side: {@code incoming} was made at baseRev, {@code committed} are all ops committed since, in order.
   * Returns incoming transformed to apply to the current state. Text edits of the same field are transformed
   * with the committed edit first at equal positions; sets pass through (last writer in server order wins) and ops
   * on an entity deleted meanwhile pass through to be dropped by {@link BoardState#apply}.
   */
  public static List<Op> transformIncoming(List<Op> incoming, List<Op> committed) {
    return transformLists(committed, incoming, OpTransform::serverPair).get(1);
  }

  /**
   * Client side: {@code local} are pending ops not yet committed, {@code remote} are committed ops the client has
   * not seen. Returns {local', remote'}: local' applies after remote, remote' after local. Remote text edits win
   * ties (they were committed first); a remote set of a field that local also sets is dropped, because local will
   * be committed later and win; ops on an entity the other side deletes are dropped.
   */
  public static List<List<Op>> transformClient(List<Op> local, List<Op> remote) {
    List<List<Op>> remoteLocal = transformLists(remote, local, OpTransform::clientPair);
    return List.of(remoteLocal.get(1), remoteLocal.get(0));
  }

  /** Transforms one op of each side; a null in the answer means that op is dropped. */
  private interface PairTransform {
    Op[] transform(Op first, Op second);
  }

  /** first: the list that was ordered first (committed, remote); second: the list ordered after it. */
  private static List<List<Op>> transformLists(List<Op> first, List<Op> second, PairTransform pair) {
    List<Op> firstRest = first;
    List<Op> secondPrime = new ArrayList<>(second.size());
    for (Op op : second) {
      Op current = op;
      List<Op> firstNext = new ArrayList<>(firstRest.size());
      for (Op earlier : firstRest) {
        if (current == null) {
          // Dropped ops change nothing, so the rest of the first list needs no transform over them.
          firstNext.add(earlier);
          continue;
        }
        Op[] primes = pair.transform(earlier, current);
        if (primes[0] != null) {
          firstNext.add(primes[0]);
        }
        current = primes[1];
      }
      if (current != null) {
        secondPrime.add(current);
      }
      firstRest = firstNext;
    }
    return List.of(firstRest, secondPrime);
  }

  private static Op[] serverPair(Op committed, Op incoming) {
    return sameTextField(committed, incoming) ? textPair((Op.Text) committed, (Op.Text) incoming)
        : new Op[] {committed, incoming};
  }

  private static Op[] clientPair(Op remote, Op local) {
    boolean sameEntity = remote.id().equals(local.id());
    boolean remoteDeletes = sameEntity && remote instanceof Op.Delete;
    boolean localDeletes = sameEntity && local instanceof Op.Delete;
    if (remoteDeletes || localDeletes) {
      // When both delete, both are dropped: the entity is gone on either side already.
      return new Op[] {localDeletes ? null : remote, remoteDeletes ? null : local};
    }
    if (sameTextField(remote, local)) {
      return textPair((Op.Text) remote, (Op.Text) local);
    }
    if (remote instanceof Op.Set r && local instanceof Op.Set l && sameField(r.id(), r.field(), l.id(), l.field())) {
      return new Op[] {null, local};
    }
    return new Op[] {remote, local};
  }

  private static boolean sameTextField(Op a, Op b) {
    return a instanceof Op.Text ta && b instanceof Op.Text tb && sameField(ta.id(), ta.field(), tb.id(), tb.field());
  }

  private static boolean sameField(String idA, String fieldA, String idB, String fieldB) {
    return idA.equals(idB) && fieldA.equals(fieldB);
  }

  private static Op[] textPair(Op.Text first, Op.Text second) {
    TextOperation[] primes = TextOperation.transform(first.edit(), second.edit());
    return new Op[] {
        new Op.Text(first.id(), first.field(), primes[0]),
        new Op.Text(second.id(), second.field(), primes[1])};
  }
}
