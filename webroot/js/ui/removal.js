// Removing is undoable: an item is set `removed` (the server stamps who did it) and stays on the
// board, hidden, so it can be brought back by whoever removed it or the facilitator. The same
// rules as the server's (board/Authorship.java), so nobody is offered a button that would fail.
import { t } from '../i18n.js';

const me = (client) => client.you?.participantId;

/** An agenda item is its proposer's (the template's items the facilitator's); agreements and actions everyone's. */
export function mayRemove(client, item) {
  if (client.isFacilitator || item.kind !== 'agendaItem') return true;
  // Our own new item carries no proposer until the server's stamped copy arrives.
  const ownAndNew = !client.sync.confirmed.entities[item.id];
  return ownAndNew || Boolean(item.proposedBy) && item.proposedBy === me(client);
}

export const mayRename = mayRemove;

export function mayRestore(client, item) {
  return client.isFacilitator || Boolean(item.removedBy) && item.removedBy === me(client);
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
