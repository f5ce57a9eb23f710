// /b/{boardId}/record/{version}#{token}: shows one stored record. The server renders the record
// as a complete page without scripts; it is fetched with the token in a header and takes this
// page's place, so the token never travels in a URL.
import { recordText } from './sync/record-files.js';

const [, boardId, version] = location.pathname.match(/^\/b\/([^/]+)\/record\/(\d+)$/) ?? [];
const token = location.hash.slice(1).split('.')[0];

try {
  const page = await recordText(boardId, token, version, 'html');
  document.open();
  document.write(page);
  document.close();
} catch (error) {
  document.querySelector('[role=status]').textContent =
    `Dit verslag kan niet worden geopend / This record cannot be opened (${error.message}).`;
}
