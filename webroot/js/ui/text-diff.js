// Turns "the field was X, now it is Y" into one text operation. Typing, pasting and
// deleting a selection all change a single contiguous span, so the common prefix and
// suffix are enough; we never need a general diff.
import { TextOperation } from '../board/text-operation.js';

export function textDiff(before, after) {
  let prefix = 0;
  const shortest = Math.min(before.length, after.length);
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix
    && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return new TextOperation()
    .retain(prefix)
    .delete(before.length - prefix - suffix)
    .insert(after.slice(prefix, after.length - suffix))
    .retain(suffix);
}
