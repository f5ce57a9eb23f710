// Fractional order keys, the browser twin of org.aantafel.board.OrderKey (after rocicorp's fractional-indexing,
// base-62 digits). A key is an integer part (a head letter giving its length, then digits) and an optional
// fraction without trailing zero; appends step the integer part, so keys stay short at the ends of a list.
// Keys compare with < (code units), like Java's String.compareTo.

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ZERO = DIGITS[0];
const LAST = DIGITS[DIGITS.length - 1];
// The smallest integer: a key equal to it would leave no room before it.
const SMALLEST_INTEGER = 'A' + ZERO.repeat(26);

// A key strictly between a and b; null is the open end. keyBetween(null, null) is a list's first key.
export function keyBetween(a, b) {
  if (a !== null) check(a);
  if (b !== null) check(b);
  if (a !== null && b !== null && a >= b) throw new Error('order keys out of order: ' + a + ' >= ' + b);
  if (a === null) return b === null ? 'a' + ZERO : before(b);
  if (b === null) return after(a);
  const ia = integerPart(a);
  const ib = integerPart(b);
  const fa = a.slice(ia.length);
  if (ia === ib) return ia + midpoint(fa, b.slice(ib.length));
  const next = step(ia, +1);
  if (next === null) throw new Error('order key space exhausted');
  return next < b ? next : ia + midpoint(fa, null);
}

export function isValidKey(key) {
  try {
    check(key);
    return true;
  } catch (e) {
    return false;
  }
}

function before(b) {
  const ib = integerPart(b);
  if (ib === SMALLEST_INTEGER) return ib + midpoint('', b.slice(ib.length));
  // b has a fraction, so its bare integer part sorts just before it.
  if (ib.length < b.length) return ib;
  const previous = step(ib, -1);
  if (previous === null) throw new Error('order key space exhausted');
  return previous;
}

function after(a) {
  const ia = integerPart(a);
  const next = step(ia, +1);
  return next !== null ? next : ia + midpoint(a.slice(ia.length), null);
}

function check(key) {
  if (typeof key !== 'string' || key === '' || key === SMALLEST_INTEGER) throw invalid(key);
  for (let i = 1; i < key.length; i++) {
    if (!DIGITS.includes(key[i])) throw invalid(key);
  }
  const integer = integerPart(key);
  // A trailing zero in the fraction would leave no key between it and its prefix.
  if (key.length > integer.length && key[key.length - 1] === ZERO) throw invalid(key);
}

function invalid(key) {
  return new Error('invalid order key: ' + key);
}

function integerLength(head) {
  if (head >= 'a' && head <= 'z') return head.charCodeAt(0) - 97 + 2;
  if (head >= 'A' && head <= 'Z') return 90 - head.charCodeAt(0) + 2;
  throw new Error('invalid order key head: ' + head);
}

function integerPart(key) {
  const length = integerLength(key[0]);
  if (length > key.length) throw invalid(key);
  return key.slice(0, length);
}

// A fraction strictly between fractions a and b (b null: open end).
function midpoint(a, b) {
  if (b !== null) {
    let n = 0;
    while ((a[n] || ZERO) === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const digitA = a ? DIGITS.indexOf(a[0]) : 0;
  const digitB = b !== null ? DIGITS.indexOf(b[0]) : DIGITS.length;
  if (digitB - digitA > 1) return DIGITS[Math.floor((digitA + digitB + 1) / 2)];
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return DIGITS[digitA] + midpoint(a.slice(1), null);
}

// The next (delta +1) or previous (-1) integer, possibly of another length; null past either end.
function step(integer, delta) {
  const head = integer[0];
  const digits = integer.slice(1).split('');
  const wrapFrom = delta > 0 ? LAST : ZERO;
  const wrapTo = delta > 0 ? ZERO : LAST;
  for (let i = digits.length - 1; i >= 0; i--) {
    if (digits[i] !== wrapFrom) {
      digits[i] = DIGITS[DIGITS.indexOf(digits[i]) + delta];
      return head + digits.join('');
    }
    digits[i] = wrapTo;
  }
  // Carried out of every digit: the integer needs another length, which the head letter encodes.
  if (delta > 0) {
    if (head === 'Z') return 'a' + ZERO;
    if (head === 'z') return null;
    const next = String.fromCharCode(head.charCodeAt(0) + 1);
    return next > 'a' ? next + digits.join('') + ZERO : next + digits.slice(0, -1).join('');
  }
  if (head === 'a') return 'Z' + LAST;
  if (head === 'A') return null;
  const previous = String.fromCharCode(head.charCodeAt(0) - 1);
  return previous < 'Z' ? previous + digits.join('') + LAST : previous + digits.slice(0, -1).join('');
}
