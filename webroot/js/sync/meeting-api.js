// Closing, reopening, planning the next meeting and deleting go through the HTTP API, not through
// an op: closing stores the final record as a new version and deleting removes every row of the
// board, which only the server can do. What follows reaches every screen over the event bus: the
// phase change as an ordinary change of the board, a deletion as {deleted:true} on the board's ops
// address.
// `refusals` names, by status, a message of the screen's own for a refusal of this call.
async function call(client, method, action, body, refusals = {}) {
  const path = `/api/boards/${encodeURIComponent(client.boardId)}${action ? `/${action}` : ''}`;
  const headers = { Authorization: `Bearer ${client.token}` };
  if (body) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  if (!response.ok) {
    const failure = await response.json().catch(() => ({}));
    client.dispatchEvent(new CustomEvent('error', {
      detail: { code: response.status, message: failure?.error?.message ?? '', key: refusals[response.status] },
    }));
    return null;
  }
  return response.status === 204 ? {} : response.json();
}

// The record lists who closed it: the name this person joined with (the API takes at most 60 characters).
// A record too large, or a board whose records are full, is refused (413) and the meeting stays open.
export const closeMeeting = (client) => call(client, 'POST', 'close',
  client.name ? { closedBy: client.name.slice(0, 60) } : undefined, { 413: 'errorCloseRefused' });
export const reopenMeeting = (client) => call(client, 'POST', 'reopen');
export const deleteBoard = (client) => call(client, 'DELETE', '');
/** The next meeting of the series: {boardId, links, seriesId, seq}, or null after an error event. */
/** New participant, viewer and projector links (the old ones stop working): {links}, or null after an error event. */
export const replaceLinks = (client) => call(client, 'POST', 'links', {});
/** Takes a person's seat back: {removed}, or null after an error event. */
export const removeSeat = (client, participantId) => call(client, 'DELETE', `seats/${encodeURIComponent(participantId)}`);
export const planNextMeeting = (client, scheduledAt) => call(client, 'POST', 'follow-up', { scheduledAt });
