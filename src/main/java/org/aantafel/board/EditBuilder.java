package org.aantafel.board;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Appends components with ot.js's normalisation; the only way components are ever built. */
final class EditBuilder {
  private final List<Object> components = new ArrayList<>();
  private int baseLength;
  private int targetLength;

  /** A builder that continues an existing operation. */
  static EditBuilder continuing(TextOperation op) {
    EditBuilder b = new EditBuilder();
    b.components.addAll(op.toComponents());
    b.baseLength = op.baseLength();
    b.targetLength = op.targetLength();
    return b;
  }

  EditBuilder retain(int n) {
    if (n == 0) {
      return this;
    }
    baseLength = grow(baseLength, n);
    targetLength = grow(targetLength, n);
    int last = components.size() - 1;
    if (last >= 0 && TextOperation.isRetain(components.get(last))) {
      components.set(last, grow((Integer) components.get(last), n));
    } else {
      components.add(n);
    }
    return this;
  }

  EditBuilder insert(String s) {
    if (s.isEmpty()) {
      return this;
    }
    targetLength = grow(targetLength, s.length());
    int last = components.size() - 1;
    if (last >= 0 && components.get(last) instanceof String prev) {
      components.set(last, prev + s);
    } else if (last >= 0 && TextOperation.isDelete(components.get(last))) {
      // Insert before delete, so that every equivalent edit has one spelling.
      if (last >= 1 && components.get(last - 1) instanceof String prev) {
        components.set(last - 1, prev + s);
      } else {
        components.add(last, s);
      }
    } else {
      components.add(s);
    }
    return this;
  }

  EditBuilder delete(int n) {
    if (n == 0) {
      return this;
    }
    baseLength = grow(baseLength, n);
    int last = components.size() - 1;
    if (last >= 0 && TextOperation.isDelete(components.get(last))) {
      components.set(last, (Integer) components.get(last) - n);
    } else {
      components.add(-n);
    }
    return this;
  }

  private static int grow(int length, int n) {
    try {
      return Math.addExact(length, n);
    } catch (ArithmeticException e) {
      throw new BoardRejection(413, "edit too long");
    }
  }

  TextOperation build() {
    return components.isEmpty() ? TextOperation.empty()
        : new TextOperation(Collections.unmodifiableList(components), baseLength, targetLength);
  }
}
