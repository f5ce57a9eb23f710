// Ops of the wire contract on plain JSON objects, the browser twin of BoardState.applyCommitted and of
// org.aantafel.board.OpTransform. Ops look exactly as on the wire; text ops carry `edit` as components.
// Published ops are the ops as applied: the server's stamps (proposer, late, timer) are plain fields in them and
// a timer control has become plain sets, so applying them here ends exactly where the server ended.

import { TextOperation } from './text-operation.js';

const BOARD = 'board';

// Returns a new state with the ops applied in order; the given state is not touched. Like the server, ops on a
// deleted entity are skipped. Validation is the server's job: this only refuses what it cannot apply at all.
export function applyOps(state, ops) {
  const next = structuredClone(state);
  for (const op of ops) applyOne(next, op);
  return next;
}

function applyOne(state, op) {
  // Only ever sent by the server, to someone who may not see every question (docs/protocol.md, "Who is shown which
  // questions"): a question they are now shown appears whole, and one they may no longer see leaves no trace.
  if (op.type === 'reveal') {
    state.entities[op.id] = { kind: op.kind, ...(op.fields || {}) };
    return;
  }
  if (op.type === 'conceal') {
    delete state.entities[op.id];
    return;
  }
  if (op.type === 'create') {
    // A tombstone the server has compacted meanwhile (docs/protocol.md) may be created again: it is replaced.
    if (op.id === BOARD || (op.id in state.entities && !state.entities[op.id].deleted)) {
      throw new Error('id already used: ' + op.id);
    }
    state.entities[op.id] = { kind: op.kind, ...(op.fields || {}) };
    return;
  }
  const entity = op.id === BOARD ? state.board : state.entities[op.id];
  if (!entity) throw new Error('no entity ' + op.id);
  if (entity.deleted) return;
  if (op.type === 'delete') {
    if (op.id === BOARD) throw new Error('the board cannot be deleted');
    state.entities[op.id] = { kind: entity.kind, deleted: true };
  } else if (op.type === 'set') {
    entity[op.field] = op.value;
  } else if (op.type === 'text') {
    entity[op.field] = TextOperation.fromJSON(op.edit).apply(entity[op.field] ?? '');
  } else {
    throw new Error('unknown op type: ' + op.type);
  }
}

// Server side: incoming was made at baseRev, committed are the ops committed since. Returns incoming to apply
// now. Text edits of one field: the committed edit goes first at equal positions; everything else passes.
export function transformIncoming(incoming, committed) {
  return transformLists(committed, incoming, serverPair)[1];
}

// Client side: local are pending ops, remote are committed ops not yet seen. Returns [local', remote']:
// local' applies after remote, remote' after local. Remote text wins ties; a remote set of a field local also
// sets is dropped (local is committed later and wins); ops on an entity the other side deletes are dropped.
export function transformClient(local, remote) {
  const [remotePrime, localPrime] = transformLists(remote, local, clientPair);
  return [localPrime, remotePrime];
}

// first: the list ordered first (committed, remote). A null from pair means that op is dropped.
function transformLists(first, second, pair) {
  let firstRest = first;
  const secondPrime = [];
  for (const op of second) {
    let current = op;
    const firstNext = [];
    for (const earlier of firstRest) {
      if (current === null) {
        // Dropped ops change nothing, so the rest of the first list needs no transform over them.
        firstNext.push(earlier);
        continue;
      }
      const [earlierPrime, currentPrime] = pair(earlier, current);
      if (earlierPrime !== null) firstNext.push(earlierPrime);
      current = currentPrime;
    }
    if (current !== null) secondPrime.push(current);
    firstRest = firstNext;
  }
  return [firstRest, secondPrime];
}

function serverPair(committed, incoming) {
  return sameTextField(committed, incoming) ? textPair(committed, incoming) : [committed, incoming];
}

function clientPair(remote, local) {
  const sameEntity = remote.id === local.id;
  const remoteDeletes = sameEntity && (remote.type === 'delete' || remote.type === 'conceal');
  const localDeletes = sameEntity && local.type === 'delete';
  if (remoteDeletes || localDeletes) {
    // When both delete, both are dropped: the entity is gone on either side already.
    return [localDeletes ? null : remote, remoteDeletes ? null : local];
  }
  if (sameTextField(remote, local)) return textPair(remote, local);
  if (remote.type === 'set' && local.type === 'set' && sameField(remote, local)) return [null, local];
  return [remote, local];
}

function sameTextField(a, b) {
  return a.type === 'text' && b.type === 'text' && sameField(a, b);
}

function sameField(a, b) {
  return a.id === b.id && a.field === b.field;
}

function textPair(first, second) {
  const [firstPrime, secondPrime] = TextOperation.transform(
    TextOperation.fromJSON(first.edit), TextOperation.fromJSON(second.edit));
  return [{ ...first, edit: firstPrime.toJSON() }, { ...second, edit: secondPrime.toJSON() }];
}
