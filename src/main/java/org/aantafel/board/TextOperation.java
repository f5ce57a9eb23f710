package org.aantafel.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A plain-text operation in the style of ot.js: a list of components that walk over the whole text.
 * A positive Integer retains that many characters, a String inserts itself, a negative Integer deletes.
 * Lengths are UTF-16 code units, so Java and the browser count alike.
 *
 * <p>Instances are immutable and always normalised exactly as ot.js builds them (adjacent components of one type
 * merged, an insert placed before an adjacent delete, trailing retains kept because they fix the base length),
 * so that {@link #toComponents()} is byte-for-byte what the JavaScript twin produces.
 */
public final class TextOperation {

  private static final TextOperation EMPTY = new TextOperation(List.of(), 0, 0);
  private static final String MISMATCH = "edit does not match the text";

  private final List<Object> components;
  private final int baseLength;
  private final int targetLength;

  TextOperation(List<Object> components, int baseLength, int targetLength) {
    this.components = components;
    this.baseLength = baseLength;
    this.targetLength = targetLength;
  }

  /** The operation on the empty text that does nothing. */
  public static TextOperation empty() {
    return EMPTY;
  }

  /** Parses wire components; anything that is not a non-zero integral number or a non-empty string is refused. */
  public static TextOperation fromComponents(List<?> components) {
    if (components == null) {
      throw BoardRejection.badInput("edit must be a list");
    }
    EditBuilder b = new EditBuilder();
    for (Object c : components) {
      if (c instanceof String s) {
        if (s.isEmpty()) {
          throw BoardRejection.badInput("edit: an insert must not be empty");
        }
        b.insert(s);
      } else if (c instanceof Number n) {
        int count = integralCount(n);
        if (count > 0) {
          b.retain(count);
        } else {
          b.delete(-count);
        }
      } else {
        throw BoardRejection.badInput("edit: components are numbers or strings, not " + describe(c));
      }
    }
    return b.build();
  }

  private static int integralCount(Number n) {
    double d = n.doubleValue();
    long l = n.longValue();
    if (d != l || Double.isInfinite(d)) {
      throw BoardRejection.badInput("edit: a count must be a whole number, not " + n);
    }
    if (l == 0) {
      throw BoardRejection.badInput("edit: a count must not be 0");
    }
    // -MIN_VALUE does not fit in an int, so both ends stay inside +-MAX_VALUE.
    if (Math.abs(l) > Integer.MAX_VALUE) {
      throw BoardRejection.badInput("edit: count out of range: " + n);
    }
    return (int) l;
  }

  private static String describe(Object c) {
    return c == null ? "null" : c.getClass().getSimpleName();
  }

  /** The components exactly as on the wire: Integers and Strings. */
  public List<Object> toComponents() {
    return components;
  }

  public int baseLength() {
    return baseLength;
  }

  public int targetLength() {
    return targetLength;
  }

  /** True when applying this operation leaves every text unchanged. */
  public boolean isNoop() {
    return components.isEmpty() || (components.size() == 1 && isRetain(components.get(0)));
  }

  // Builders return a new operation (this one extended), normalised as they go; 0 or "" add nothing.

  public TextOperation retain(int n) {
    return EditBuilder.continuing(this).retain(checkedCount(n)).build();
  }

  public TextOperation insert(String s) {
    return EditBuilder.continuing(this).insert(Objects.requireNonNull(s)).build();
  }

  public TextOperation delete(int n) {
    return EditBuilder.continuing(this).delete(checkedCount(n)).build();
  }

  private static int checkedCount(int n) {
    if (n < 0) {
      throw BoardRejection.badInput("count must not be negative: " + n);
    }
    return n;
  }

  public String apply(String text) {
    if (text.length() != baseLength) {
      throw BoardRejection.badInput(MISMATCH);
    }
    StringBuilder out = new StringBuilder(targetLength);
    int index = 0;
    for (Object c : components) {
      if (c instanceof String s) {
        out.append(s);
      } else {
        int n = (Integer) c;
        if (n > 0) {
          out.append(text, index, index + n);
          index += n;
        } else {
          index -= n;
        }
      }
    }
    return out.toString();
  }

  /** One operation with the effect of this followed by {@code next}. */
  public TextOperation compose(TextOperation next) {
    if (targetLength != next.baseLength) {
      throw BoardRejection.badInput("compose: the second edit does not start where the first ends");
    }
    EditBuilder out = new EditBuilder();
    ComponentCursor c1 = new ComponentCursor(components);
    ComponentCursor c2 = new ComponentCursor(next.components);
    while (!c1.done() || !c2.done()) {
      // Deletes of the first and inserts of the second touch no character of the middle text.
      if (c1.isDelete()) {
        out.delete(c1.deleteCount());
        c1.skip();
        continue;
      }
      if (c2.isInsert()) {
        out.insert(c2.insertText());
        c2.skip();
        continue;
      }
      int n = Math.min(c1.length(), c2.length());
      if (c1.isRetain() && c2.isRetain()) {
        out.retain(n);
      } else if (c1.isInsert() && c2.isRetain()) {
        out.insert(c1.insertText().substring(0, n));
      } else if (c1.isRetain() && c2.isDelete()) {
        out.delete(n);
      }
      // An insert of the first deleted by the second leaves no trace.
      c1.advance(n);
      c2.advance(n);
    }
    return out.build();
  }

  /**
   * Transforms concurrent {@code a} and {@code b} made on the same text. Returns {a', b'} such that
   * a then b' equals b then a'. At equal positions a's insert goes first: on the server call
   * {@code transform(committed, incoming)}.
   */
  public static TextOperation[] transform(TextOperation a, TextOperation b) {
    if (a.baseLength != b.baseLength) {
      throw BoardRejection.badInput(MISMATCH);
    }
    EditBuilder aPrime = new EditBuilder();
    EditBuilder bPrime = new EditBuilder();
    ComponentCursor ca = new ComponentCursor(a.components);
    ComponentCursor cb = new ComponentCursor(b.components);
    while (!ca.done() || !cb.done()) {
      if (ca.isInsert()) {
        aPrime.insert(ca.insertText());
        bPrime.retain(ca.length());
        ca.skip();
        continue;
      }
      if (cb.isInsert()) {
        aPrime.retain(cb.length());
        bPrime.insert(cb.insertText());
        cb.skip();
        continue;
      }
      int n = Math.min(ca.length(), cb.length());
      if (ca.isRetain() && cb.isRetain()) {
        aPrime.retain(n);
        bPrime.retain(n);
      } else if (ca.isDelete() && cb.isRetain()) {
        aPrime.delete(n);
      } else if (ca.isRetain() && cb.isDelete()) {
        bPrime.delete(n);
      }
      // Both deleting the same characters: already gone for the other side.
      ca.advance(n);
      cb.advance(n);
    }
    return new TextOperation[] {aPrime.build(), bPrime.build()};
  }

  /**
   * Where a caret at {@code index} ends up after this operation. An insert exactly at the caret pushes it right,
   * which is what the author's own caret wants (as ot.js does for selections).
   */
  public int transformIndex(int index) {
    int remaining = index;
    int moved = index;
    for (Object c : components) {
      if (c instanceof String s) {
        moved += s.length();
      } else {
        int n = (Integer) c;
        if (n > 0) {
          remaining -= n;
        } else {
          moved -= Math.min(remaining, -n);
          remaining += n;
        }
      }
      if (remaining < 0) {
        break;
      }
    }
    return moved;
  }

  static boolean isRetain(Object c) {
    return c instanceof Integer n && n > 0;
  }

  static boolean isDelete(Object c) {
    return c instanceof Integer n && n < 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TextOperation other && components.equals(other.components);
  }

  @Override
  public int hashCode() {
    return components.hashCode();
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (Object c : components) {
      if (c instanceof String s) {
        parts.add("insert '" + s + "'");
      } else {
        int n = (Integer) c;
        parts.add(n > 0 ? "retain " + n : "delete " + (-n));
      }
    }
    return "TextOperation[" + String.join(", ", parts) + "]";
  }
}
