// The stored records of a board. They are read with the link's token in an Authorization header
// (never in a URL), so a browser fetches them and hands the file over itself.
const FORMATS = { html: 'text/html', pdf: 'application/pdf', md: 'text/markdown', json: 'application/json' };

function get(boardId, token, path) {
  return fetch(`/api/boards/${encodeURIComponent(boardId)}/${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  }).then((response) => {
    if (!response.ok) throw new Error(String(response.status));
    return response;
  });
}

export async function recordVersions(boardId, token) {
  return (await get(boardId, token, 'records')).json();
}

export async function recordText(boardId, token, version, format) {
  return (await get(boardId, token, `records/${version}.${format}`)).text();
}

/** Saves one version in one format as a file on the device. */
export async function downloadRecord(boardId, token, version, format) {
  const blob = await (await get(boardId, token, `records/${version}.${format}`)).blob();
  const url = URL.createObjectURL(new Blob([blob], { type: FORMATS[format] }));
  const link = Object.assign(document.createElement('a'), { href: url, download: `aantafel-${version}.${format}` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
