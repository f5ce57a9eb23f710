// The final records of a closed meeting: every link of the board may read them and take them
// home as a page or a PDF; Markdown and JSON, for those who want them, wait behind "More formats".
import { html } from 'lit';
import { BoardSection } from './light-element.js';
import { language, t } from '../i18n.js';
import { downloadRecord, recordVersions } from '../sync/record-files.js';

export class RecordSection extends BoardSection {
  static properties = { versions: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.#load();
  }

  // The board shows as closed a moment before its record is stored: look again a few times.
  async #load(attempt = 0) {
    try {
      this.versions = await recordVersions(this.client.boardId, this.client.token);
    } catch {
      this.versions = [];
    }
    if (this.versions.length === 0 && attempt < 10 && this.isConnected) {
      setTimeout(() => this.#load(attempt + 1), 500 * (attempt + 1));
    }
  }

  render() {
    const versions = this.versions ?? [];
    const page = (v) => `/b/${encodeURIComponent(this.client.boardId)}/record/${v}#${this.client.token}`;
    return html`
      <section class="card" aria-labelledby="record-heading" data-testid="record-section">
        <h2 id="record-heading">${t('recordHeading')}</h2>
        ${versions.length === 0 ? html`<p class="empty">${t('recordNone')}</p>` : ''}
        <ul class="record-versions">
          ${versions.map((r) => html`
            <li data-testid="record-version" data-version=${r.version}>
              <a data-testid="record-read-${r.version}" href=${page(r.version)}>${t('recordRead', { version: r.version })}</a>
              <span class="muted" data-testid="record-closed-${r.version}">${t('recordClosed', {
                when: new Date(r.closedAt).toLocaleString(language(), { dateStyle: 'medium', timeStyle: 'short' }),
                who: r.closedBy })}</span>
              <span class="button-row">${this.#download(r.version, 'pdf')}</span>
              <details class="more-formats" data-testid="record-more-formats-${r.version}">
                <summary>${t('recordMoreFormats')}</summary>
                <span class="button-row">${['md', 'json'].map((format) => this.#download(r.version, format))}</span>
              </details>
            </li>`)}
        </ul>
      </section>`;
  }

  #download(version, format) {
    return html`<button type="button" data-testid="record-${format}-${version}"
      @click=${() => downloadRecord(this.client.boardId, this.client.token, version, format)}>
      ${t(`recordDownload.${format}`)}</button>`;
  }
}
customElements.define('aan-record-section', RecordSection);
