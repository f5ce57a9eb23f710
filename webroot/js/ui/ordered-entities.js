// Lists on the board are ordered by fractional order keys (ties broken by id), so moving or
// adding an item only ever writes that item's own key.
import { keyBetween } from '../board/order-key.js';

export function orderedEntities(state, kind) {
  return Object.entries(state.entities)
    .filter(([, entity]) => entity.kind === kind && !entity.deleted && !entity.removed)
    .map(([id, entity]) => ({ id, ...entity }))
    .sort((a, b) => compare(a.order ?? '', b.order ?? '') || compare(a.id, b.id));
}

function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function orderAtEnd(items) {
  return keyBetween(items.at(-1)?.order ?? null, null);
}

/** The order key that puts items[index] one place further by `step` (-1 up, +1 down). */
export function orderForMove(items, index, step) {
  const target = index + step;
  if (target < 0 || target >= items.length) return null;
  const [before, after] = step < 0
    ? [items[target - 1], items[target]]
    : [items[target], items[target + 1]];
  try {
    return keyBetween(before?.order ?? null, after?.order ?? null);
  } catch {
    // Two concurrent inserts got the same key; there is no room between equal keys, and
    // renumbering would fight other people's edits. Leave the order as it is.
    return null;
  }
}
