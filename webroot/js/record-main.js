// /b/{boardId}/record/{version}#{token}: shows one stored record. The server renders the record
// as a complete page without scripts; it is fetched with the token in a header and takes this
// page's place, so the token never travels in a URL. Above it go the links to the other meetings
// of its series, which the same token may read.
import { recordText } from './sync/record-files.js';
import { readerFragment, readerFromHash, readerHeaders } from './sync/reader.js';
import { language, longDate, t } from './i18n.js';

const [, boardId, version] = location.pathname.match(/^\/b\/([^/]+)\/record\/(\d+)$/) ?? [];
const reader = readerFromHash(location.hash, boardId);

try {
  const page = await recordText(boardId, reader, version, 'html');
  document.open();
  document.write(page);
  document.close();
  await addSeriesLinks();
} catch (error) {
  document.querySelector('[role=status]').textContent =
    `Dit verslag kan niet worden geopend / This record cannot be opened (${error.message}).`;
}

async function addSeriesLinks() {
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/series`, {
    headers: readerHeaders(reader),
  });
  if (!response.ok) return;
  const { meetings } = await response.json();
  const nav = document.createElement('nav');
  nav.setAttribute('aria-label', t('series.otherMeetings'));
  // The record keeps the language it was written in; these links speak the reader's.
  nav.lang = language();
  nav.dataset.testid = 'record-series';
  const list = document.createElement('ul');
  const link = (href, text, testid) => {
    const a = Object.assign(document.createElement('a'), { href, textContent: text });
    a.dataset.testid = testid;
    const item = document.createElement('li');
    item.append(a);
    list.append(item);
  };
  link(`/b/${encodeURIComponent(boardId)}/series#${readerFragment(reader)}`, t('series.title'), 'record-series-page');
  for (const m of meetings.filter((meeting) => meeting.version > 0 && meeting.boardId !== boardId)) {
    link(`/b/${encodeURIComponent(m.boardId)}/record/${m.version}#${readerFragment(reader)}`,
      `${t('series.meeting', { n: m.seq })} · ${longDate(m.date)}`, `record-series-${m.seq}`);
  }
  nav.append(list);
  document.body.prepend(nav);
}
