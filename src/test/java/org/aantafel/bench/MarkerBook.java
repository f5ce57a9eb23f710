package org.aantafel.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One client's markers and what the server must therefore hold: a marker whose insert was acknowledged is in the
 * committed text exactly once until a delete of it is acknowledged, and from then on never again. A bounded text (a
 * soak) deletes the client's oldest marker as it types a new one. Belongs to the client's event loop.
 */
final class MarkerBook {
  /** The markers one submit inserts and deletes. */
  private record Edits(List<String> inserted, List<String> deleted) {
    static Edits none() {
      return new Edits(new ArrayList<>(), new ArrayList<>());
    }
  }

  /** This client's markers in its shown text, oldest first. */
  private final Deque<String> live = new ArrayDeque<>();
  private final Map<Long, Edits> awaitingAck = new HashMap<>();
  private Edits buffer = Edits.none();
  private final Set<String> ackedPresent = new LinkedHashSet<>();
  private final List<String> ackedDeleted = new ArrayList<>();

  void typed(String marker) {
    live.addLast(marker);
    buffer.inserted().add(marker);
  }

  /** The oldest marker of this client in its shown text, now deleted there; null when it has none. */
  String deleteOldest() {
    String oldest = live.pollFirst();
    if (oldest != null) {
      buffer.deleted().add(oldest);
    }
    return oldest;
  }

  int liveCount() {
    return live.size();
  }

  boolean buffered() {
    return !buffer.inserted().isEmpty() || !buffer.deleted().isEmpty();
  }

  /** The buffer goes out as submit {@code seq}. */
  void sending(long seq) {
    awaitingAck.put(seq, buffer);
    buffer = Edits.none();
  }

  void acknowledged(long seq) {
    Edits edits = awaitingAck.remove(seq);
    if (edits != null) {
      ackedPresent.addAll(edits.inserted());
      edits.deleted().forEach(marker -> {
        ackedPresent.remove(marker);
        ackedDeleted.add(marker);
      });
    }
  }

  /** The server refused submit {@code seq} for good. */
  void refused(long seq) {
    awaitingAck.remove(seq);
  }

  boolean awaitingAck() {
    return !awaitingAck.isEmpty();
  }

  /** Typed markers not yet acknowledged (in flight or buffered). */
  int unacked() {
    return awaitingAck.values().stream().mapToInt(e -> e.inserted().size()).sum() + buffer.inserted().size();
  }

  /** Acknowledged and not deleted: each must be in the committed text exactly once. A delete in flight may land. */
  List<String> mustBePresent() {
    Set<String> present = new LinkedHashSet<>(ackedPresent);
    awaitingAck.values().forEach(e -> e.deleted().forEach(present::remove));
    buffer.deleted().forEach(present::remove);
    return List.copyOf(present);
  }

  /** Deleted with an acknowledged submit: none may be in the committed text. */
  List<String> mustBeAbsent() {
    return List.copyOf(ackedDeleted);
  }

  /**
   * Everything pending was dropped (the client loaded the server's whole state instead of catching up): what was in
   * flight or buffered is forgotten, and this client's markers are those of the loaded text, in typed order.
   */
  void reloaded(List<String> ownMarkersInText) {
    awaitingAck.clear();
    buffer = Edits.none();
    live.clear();
    ownMarkersInText.stream().sorted(java.util.Comparator.comparingInt(String::length)
      .thenComparing(java.util.Comparator.naturalOrder())).forEach(live::addLast);
  }
}
