package org.aantafel.board;

import java.util.List;

/** Walks the components of one operation, allowing to consume part of the current one. */
final class ComponentCursor {
  private final List<Object> components;
  private int index;
  private int consumed;

  ComponentCursor(List<Object> components) {
    this.components = components;
  }

  boolean done() {
    return index >= components.size();
  }

  private Object current() {
    if (done()) {
      // Lengths were checked before walking, so running out early means a bug, not bad input.
      throw new IllegalStateException("operation too short");
    }
    return components.get(index);
  }

  boolean isInsert() {
    return !done() && current() instanceof String;
  }

  boolean isRetain() {
    return TextOperation.isRetain(current());
  }

  boolean isDelete() {
    return !done() && TextOperation.isDelete(current());
  }

  /** Length of what is left of the current component. */
  int length() {
    return wholeLength() - consumed;
  }

  private int wholeLength() {
    Object c = current();
    return c instanceof String s ? s.length() : Math.abs((Integer) c);
  }

  String insertText() {
    return ((String) current()).substring(consumed);
  }

  int deleteCount() {
    return length();
  }

  void advance(int n) {
    consumed += n;
    if (consumed == wholeLength()) {
      skip();
    }
  }

  void skip() {
    index++;
    consumed = 0;
  }
}
