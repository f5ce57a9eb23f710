// E-mail exists only when the server has an SMTP server: /api/features says so. Addresses go
// straight to the server over HTTP, never into the board state, so no other screen sees them.
let features = null;

/** Asked once per page. */
export function mailOffered() {
  features ??= fetch('/api/features').then((r) => (r.ok ? r.json() : {})).catch(() => ({}));
  return features.then((f) => f.mail === true);
}

async function call(method, path, token, body, seat) {
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  if (seat) headers['X-Seat'] = seat;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const reply = await response.json().catch(() => ({}));
  return response.ok ? { ok: true, ...reply } : { ok: false, code: response.status, message: reply?.error?.message ?? '' };
}

const boardPath = (boardId, rest) => `/api/boards/${encodeURIComponent(boardId)}/${rest}`;

// Only the person's own seat sets or removes their address. A new address gets one mail, in the
// page's language, with a link to confirm it: { confirmed: false } says it was sent.
export const saveContact = (client, email, language) => call('PUT', boardPath(client.boardId, 'contact'),
  client.token, { email, language }, client.seat);

export const removeContact = (client) => call('DELETE', boardPath(client.boardId, 'contact'), client.token,
  undefined, client.seat);

/** How many addresses a mail of this board would go to. */
export const mailRecipients = (client) => call('GET', boardPath(client.boardId, 'mail/recipients'), client.token);

/** kind: 'agenda' or 'invitation'; the participant token goes along, to put the link in the mail. */
export const sendMeetingMail = (client, kind, joinToken) => call('POST', boardPath(client.boardId, `mail/${kind}`),
  client.token, { joinToken });
