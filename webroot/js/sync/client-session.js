// One tab's identity towards the server for one board: clientId and the last submit seq.
// sessionStorage survives a reload of the tab but is not shared with other tabs, which must
// not use the same clientId (their seqs would collide).
const key = (boardId) => `aantafel.session.${boardId}`;

export function loadSession(boardId) {
  try {
    const session = JSON.parse(globalThis.sessionStorage?.getItem(key(boardId)) ?? 'null');
    return typeof session?.clientId === 'string' && Number.isInteger(session.seq) ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(boardId, session) {
  try {
    globalThis.sessionStorage?.setItem(key(boardId), JSON.stringify(session));
  } catch {
    // Storage full or disabled: the tab just becomes a new participant after a reload.
  }
}

// The seat is the person, not the tab: the secret the server issued when they joined with a
// name. localStorage keeps it for every tab of this browser; it never leaves the browser except
// in the join (and, on their own request, in the "continue on another device" link).
const seatKey = (boardId) => `aantafel.seat.${boardId}`;

export function loadSeat(boardId) {
  try {
    const seat = globalThis.localStorage?.getItem(seatKey(boardId));
    return typeof seat === 'string' && /^[A-Za-z0-9_-]{1,100}$/.test(seat) ? seat : null;
  } catch {
    return null;
  }
}

export function saveSeat(boardId, seat) {
  try {
    if (seat) globalThis.localStorage?.setItem(seatKey(boardId), seat);
    else globalThis.localStorage?.removeItem(seatKey(boardId));
  } catch {
    // Storage disabled: the person gets a new seat on their next visit.
  }
}
