// Removing is undoable: an item is set `removed` (the server stamps who did it) and stays on the
// board, hidden, so it can be brought back by whoever removed it or the facilitator. Who may is the
// shared table of the board's rules (board/entity-rules.js), so nobody is offered a button that would fail.
import { t } from '../i18n.js';
import * as rules from '../board/entity-rules.js';

const actor = (client) => ({ participantId: client.you?.participantId, isFacilitator: client.isFacilitator });

// Our own new item carries no proposer until the server's stamped copy arrives.
const ownAndNew = (client, item) => !client.sync.confirmed.entities[item.id];
const withKind = (client, item) => ({ ...item, kind: item.kind ?? client.state.entities[item.id]?.kind });

/** An agenda item is its proposer's (the template's items the facilitator's); agreements and actions everyone's. */
export function mayRemove(client, item) {
  const full = withKind(client, item);
  return rules.mayRemove(full, actor(client))
    || (ownAndNew(client, item) && rules.KIND_RULES[full.kind]?.ending === 'removed');
}

/** What an agenda item is called is its proposer's, or the facilitator's. */
export function mayRename(client, item) {
  return rules.mayChange(withKind(client, item), 'title', actor(client)) || ownAndNew(client, item);
}

export function mayRestore(client, item) {
  return rules.mayRestore(withKind(client, item), actor(client));
}

/** Deleting for good: a question is withdrawn by who asked it, an evaluation taken back by the facilitator. */
export function mayDelete(client, item) {
  return rules.mayDelete(withKind(client, item), actor(client));
}

/** Whether this person may write the field: what an owner holds (a check-in, a question's words, answers). */
export function mayChange(client, item, field) {
  return rules.mayChange(withKind(client, item), field, actor(client)) || ownAndNew(client, item);
}

/** Removes the item and offers "undo" for a while (see undo-bar.js). */
export function removeItem(client, item, label) {
  client.set(item.id, 'removed', true);
  client.dispatchEvent(new CustomEvent('removed', { detail: { id: item.id, label } }));
}

export function restoreItem(client, id) {
  client.set(id, 'removed', false);
}

/** "Last changed by Anna", when someone other than who brought the item in changed what it says. */
export function changedBy(item) {
  return item.changedByName && item.changedByName !== item.proposedByName
    ? t('changedBy', { name: item.changedByName }) : '';
}
