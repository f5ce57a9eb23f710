// Closing and reopening go through the HTTP API, not through an op: closing stores the final
// record as a new version, which only the server can do. The phase change that follows reaches
// every screen as an ordinary change of the board.
async function post(client, action, body) {
  const headers = { Authorization: `Bearer ${client.token}` };
  if (body) headers['Content-Type'] = 'application/json';
  const response = await fetch(`/api/boards/${encodeURIComponent(client.boardId)}/${action}`, {
    method: 'POST',
    headers,
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    client.dispatchEvent(new CustomEvent('error', {
      detail: { code: response.status, message: body?.error?.message ?? '' },
    }));
    return null;
  }
  return response.json();
}

export const closeMeeting = (client) => post(client, 'close');
export const reopenMeeting = (client) => post(client, 'reopen');
/** The next meeting of the series: {boardId, links, seriesId, seq}, or null after an error event. */
export const planNextMeeting = (client, scheduledAt) => post(client, 'follow-up', { scheduledAt });
