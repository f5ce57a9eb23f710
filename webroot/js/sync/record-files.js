// The stored records of a board. They are read with the reader's token (and seat) in headers
// (never in a URL), so a browser fetches them and hands the file over itself.
import { readerHeaders } from './reader.js';

const FORMATS = { html: 'text/html', pdf: 'application/pdf', md: 'text/markdown', json: 'application/json' };

// `reader`: a link's token, or { token, home } from reader.js.
function get(boardId, reader, path) {
  const who = typeof reader === 'string' ? { token: reader, home: boardId } : reader;
  return fetch(`/api/boards/${encodeURIComponent(boardId)}/${path}`, { headers: readerHeaders(who) }).then((response) => {
    if (!response.ok) throw new Error(String(response.status));
    return response;
  });
}

export async function recordVersions(boardId, reader) {
  return (await get(boardId, reader, 'records')).json();
}

export async function recordText(boardId, reader, version, format) {
  return (await get(boardId, reader, `records/${version}.${format}`)).text();
}

/** Saves one version in one format as a file on the device. */
export async function downloadRecord(boardId, reader, version, format) {
  const blob = await (await get(boardId, reader, `records/${version}.${format}`)).blob();
  const url = URL.createObjectURL(new Blob([blob], { type: FORMATS[format] }));
  const link = Object.assign(document.createElement('a'), { href: url, download: `aantafel-${version}.${format}` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
