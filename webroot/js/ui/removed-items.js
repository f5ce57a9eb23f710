// What was removed from a list, out of the way but not gone: each can be brought back by whoever
// removed it or the facilitator.
import { html } from 'lit';
import { BoardSection } from './light-element.js';
import { mayRestore, restoreItem } from './removal.js';
import { t } from '../i18n.js';

export class RemovedItems extends BoardSection {
  static properties = { ...BoardSection.properties, kind: {}, field: {} };

  render() {
    const removed = Object.entries(this.client.state.entities)
      .filter(([, e]) => e.kind === this.kind && e.removed && !e.deleted)
      .map(([id, e]) => ({ id, ...e }));
    if (removed.length === 0 || this.readOnly) return '';
    return html`
      <details class="removed-items" data-testid="removed-${this.kind}">
        <summary>${t('removedItems', { n: removed.length })}</summary>
        <ul>
          ${removed.map((item) => html`
            <li data-testid="removed-item" data-id=${item.id}>
              <span>${item[this.field] || t('untitled')}</span>
              <span class="muted">${item.removedByName ? t('removedBy', { name: item.removedByName }) : ''}</span>
              ${mayRestore(this.client, item) ? html`
                <button type="button" data-testid="restore-item" @click=${() => restoreItem(this.client, item.id)}>
                  ${t('bringBack')}</button>` : ''}
            </li>`)}
        </ul>
      </details>`;
  }
}
customElements.define('aan-removed-items', RemovedItems);
