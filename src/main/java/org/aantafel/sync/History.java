package org.aantafel.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The recent revisions of a board, kept in memory for transforming late submits and for catching up reconnecting
 * browsers. It is bounded in count and in bytes (each change's encoded ops and the views kept of it), and it is the
 * only source of a catch-up: a join or submit older than its floor is never answered from the op log, whose read
 * would cost whatever the board's whole past costs (a join gets the board instead, a submit is refused as too old).
 */
final class History {
  static final int KEEP = 2000;

  private record Kept(Change change, long bytes) {
  }

  private final ArrayDeque<Kept> recent = new ArrayDeque<>();
  private final long maxBytes;
  /** The revision just before the oldest one kept. */
  private long floor;
  private long bytes;

  History(long floor, long maxBytes) {
    this.floor = floor;
    this.maxBytes = maxBytes;
  }

  void add(Change change) {
    long size = change.bytes();
    recent.addLast(new Kept(change, size));
    bytes += size;
  }

  /**
   * Forgets the oldest changes beyond {@link #KEEP} or beyond the byte budget, but only durable ones: what is not
   * stored yet can be read from nowhere else. Each change forgotten is handed to {@code forgotten}, oldest first.
   */
  void forgetDurable(long durableRev, Consumer<Change> forgotten) {
    while (!recent.isEmpty() && (recent.size() > KEEP || bytes > maxBytes)
      && recent.peekFirst().change().rev() <= durableRev) {
      Kept oldest = recent.removeFirst();
      bytes -= oldest.bytes();
      floor = oldest.change().rev();
      forgotten.accept(oldest.change());
    }
  }

  /** Whether the changes after {@code afterRev} are all in memory. */
  boolean covers(long afterRev) {
    return afterRev >= floor;
  }

  long floor() {
    return floor;
  }

  /** The bytes held: the encoded ops of every change kept, and the views kept of them. */
  long bytes() {
    return bytes;
  }

  /**
   * The changes with {@code afterRev < rev <= uptoRev}; only for an {@code afterRev} the history {@link #covers}.
   * Walks back from the newest, since a submit is nearly always only a few revisions behind.
   */
  List<Change> between(long afterRev, long uptoRev) {
    if (!covers(afterRev)) {
      throw new IllegalArgumentException("revision " + afterRev + " is older than the history (" + floor + ")");
    }
    ArrayDeque<Change> result = new ArrayDeque<>();
    var newestFirst = recent.descendingIterator();
    while (newestFirst.hasNext()) {
      Change change = newestFirst.next().change();
      if (change.rev() <= afterRev) {
        break;
      }
      if (change.rev() <= uptoRev) {
        result.addFirst(change);
      }
    }
    return new ArrayList<>(result);
  }
}
