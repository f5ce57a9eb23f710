// Who reads records and the series. A link's token reads its own board; the meetings around it
// in the series are read by the facilitator's link or by the person's own seat at the board the
// link belongs to ("home"), never by a viewer's or projector's link alone.
import { loadSeat } from './client-session.js';

/** From '#<token>[.<participant token>][@<home board>][~<seat>]' of a page about `boardId`. */
export function readerFromHash(hash, boardId) {
  const [token = '', home = boardId] = hash.slice(1).split('~')[0].split('.')[0].split('@');
  return { token, home };
}

export function readerHeaders({ token, home }) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  const seat = loadSeat(home);
  if (seat) headers['X-Seat'] = seat;
  return headers;
}

/** The fragment of a link to another page of the series, read by the same person. */
export const readerFragment = ({ token, home }) => `${token}@${home}`;
