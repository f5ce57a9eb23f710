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
