// Plain-text operation, the browser twin of org.aantafel.board.TextOperation (after ot.js's text-operation.js).
// Components: a positive integer retains, a string inserts, a negative integer deletes. Lengths count UTF-16
// code units, as Java does. Builders normalise exactly like ot.js and the Java side, so toJSON() agrees with Java.
// Builders (retain/insert/delete) mutate and return this, like ot.js; every other method leaves this unchanged.

const isRetain = (c) => typeof c === 'number' && c > 0;
const isDelete = (c) => typeof c === 'number' && c < 0;
const isInsert = (c) => typeof c === 'string';
// Java keeps counts in an int.
const MAX_COUNT = 2147483647;

export class TextOperation {
  constructor() {
    this.ops = [];
    this.baseLength = 0;
    this.targetLength = 0;
  }

  // Strict like Java: rejects 0, empty inserts, fractions and anything else; normalises what it accepts.
  static fromJSON(components) {
    if (!Array.isArray(components)) throw new Error('edit must be a list');
    const op = new TextOperation();
    for (const c of components) {
      if (isInsert(c) && c.length > 0) op.insert(c);
      else if (Number.isInteger(c) && c !== 0 && Math.abs(c) <= MAX_COUNT) (c > 0 ? op.retain(c) : op.delete(-c));
      else throw new Error('edit: invalid component ' + JSON.stringify(c));
    }
    return op;
  }

  toJSON() {
    return this.ops.slice();
  }

  retain(n) {
    if (n < 0) throw new Error('count must not be negative');
    if (n === 0) return this;
    this.baseLength += n;
    this.targetLength += n;
    const last = this.ops.length - 1;
    if (isRetain(this.ops[last])) this.ops[last] += n;
    else this.ops.push(n);
    return this;
  }

  insert(s) {
    if (s === '') return this;
    this.targetLength += s.length;
    const ops = this.ops;
    const last = ops.length - 1;
    if (isInsert(ops[last])) {
      ops[last] += s;
    } else if (isDelete(ops[last])) {
      // Insert before delete, so that every equivalent edit has one spelling.
      if (isInsert(ops[last - 1])) ops[last - 1] += s;
      else ops.splice(last, 0, s);
    } else {
      ops.push(s);
    }
    return this;
  }

  delete(n) {
    if (n < 0) throw new Error('count must not be negative');
    if (n === 0) return this;
    this.baseLength += n;
    const last = this.ops.length - 1;
    if (isDelete(this.ops[last])) this.ops[last] -= n;
    else this.ops.push(-n);
    return this;
  }

  isNoop() {
    return this.ops.length === 0 || (this.ops.length === 1 && isRetain(this.ops[0]));
  }

  apply(text) {
    if (text.length !== this.baseLength) throw new Error('edit does not match the text');
    const out = [];
    let index = 0;
    for (const c of this.ops) {
      if (isInsert(c)) out.push(c);
      else if (c > 0) { out.push(text.slice(index, index + c)); index += c; }
      else index -= c;
    }
    return out.join('');
  }

  // One operation with the effect of this followed by next.
  compose(next) {
    if (this.targetLength !== next.baseLength) {
      throw new Error('compose: the second edit does not start where the first ends');
    }
    const out = new TextOperation();
    const c1 = new Cursor(this.ops);
    const c2 = new Cursor(next.ops);
    while (!c1.done() || !c2.done()) {
      // Deletes of the first and inserts of the second touch no character of the middle text.
      if (c1.isDelete()) { out.delete(c1.length()); c1.skip(); continue; }
      if (c2.isInsert()) { out.insert(c2.insertText()); c2.skip(); continue; }
      const n = Math.min(c1.length(), c2.length());
      if (c1.isRetain() && c2.isRetain()) out.retain(n);
      else if (c1.isInsert() && c2.isRetain()) out.insert(c1.insertText().slice(0, n));
      else if (c1.isRetain() && c2.isDelete()) out.delete(n);
      // An insert of the first deleted by the second leaves no trace.
      c1.advance(n);
      c2.advance(n);
    }
    return out;
  }

  // [a', b'] with a then b' equal to b then a'. At equal positions a's insert goes first.
  static transform(a, b) {
    if (a.baseLength !== b.baseLength) throw new Error('edit does not match the text');
    const aPrime = new TextOperation();
    const bPrime = new TextOperation();
    const ca = new Cursor(a.ops);
    const cb = new Cursor(b.ops);
    while (!ca.done() || !cb.done()) {
      if (ca.isInsert()) { aPrime.insert(ca.insertText()); bPrime.retain(ca.length()); ca.skip(); continue; }
      if (cb.isInsert()) { aPrime.retain(cb.length()); bPrime.insert(cb.insertText()); cb.skip(); continue; }
      const n = Math.min(ca.length(), cb.length());
      if (ca.isRetain() && cb.isRetain()) { aPrime.retain(n); bPrime.retain(n); }
      else if (ca.isDelete() && cb.isRetain()) aPrime.delete(n);
      else if (ca.isRetain() && cb.isDelete()) bPrime.delete(n);
      // Both deleting the same characters: already gone for the other side.
      ca.advance(n);
      cb.advance(n);
    }
    return [aPrime, bPrime];
  }

  // Where a caret ends up; an insert exactly at the caret pushes it right (the author's own caret).
  transformIndex(index) {
    let remaining = index;
    let moved = index;
    for (const c of this.ops) {
      if (isInsert(c)) moved += c.length;
      else if (c > 0) remaining -= c;
      else { moved -= Math.min(remaining, -c); remaining += c; }
      if (remaining < 0) break;
    }
    return moved;
  }

  equals(other) {
    return this.ops.length === other.ops.length && this.ops.every((c, i) => c === other.ops[i]);
  }
}

// Walks the components of one operation, allowing to consume part of the current one.
class Cursor {
  constructor(ops) {
    this.ops = ops;
    this.index = 0;
    this.consumed = 0;
  }

  done() { return this.index >= this.ops.length; }

  current() {
    // Lengths were checked before walking, so running out early means a bug, not bad input.
    if (this.done()) throw new Error('operation too short');
    return this.ops[this.index];
  }

  isInsert() { return !this.done() && isInsert(this.current()); }
  isRetain() { return isRetain(this.current()); }
  isDelete() { return !this.done() && isDelete(this.current()); }

  wholeLength() {
    const c = this.current();
    return isInsert(c) ? c.length : Math.abs(c);
  }

  length() { return this.wholeLength() - this.consumed; }
  insertText() { return this.current().slice(this.consumed); }

  advance(n) {
    this.consumed += n;
    if (this.consumed === this.wholeLength()) this.skip();
  }

  skip() {
    this.index++;
    this.consumed = 0;
  }
}
