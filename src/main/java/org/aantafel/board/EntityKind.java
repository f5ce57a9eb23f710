package org.aantafel.board;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A kind of entity on the board, the fields it has and the rules of the meeting for it. */
public record EntityKind(String name, Map<String, FieldSpec> fields, KindRules rules) {

  public static EntityKind of(String name, FieldSpec... fields) {
    Map<String, FieldSpec> byName = new LinkedHashMap<>();
    for (FieldSpec f : fields) {
      // "kind" and "deleted" sit next to the fields in the state map; a field with such a name would be lost.
      if (f.name().equals("kind") || f.name().equals("deleted") || byName.put(f.name(), f) != null) {
        throw new IllegalArgumentException(name + ": bad or repeated field name " + f.name());
      }
    }
    return new EntityKind(name, Collections.unmodifiableMap(byName), KindRules.shared());
  }

  /** The same kind under other rules than {@link KindRules#shared()}. */
  public EntityKind with(KindRules rules) {
    return new EntityKind(name, fields, rules);
  }

  public FieldSpec field(String field) {
    FieldSpec spec = fields.get(field);
    if (spec == null) {
      throw BoardRejection.badInput(name + " has no field " + field);
    }
    return spec;
  }
}
