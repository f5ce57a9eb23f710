// After removing something, "undo" is offered for a while: a mistake is one tap away from
// being undone, for everyone, without asking for confirmation first.
import { html } from 'lit';
import { LightElement } from './light-element.js';
import { restoreItem } from './removal.js';
import { t } from '../i18n.js';

const SHOWN_MS = 12000;

export class UndoBar extends LightElement {
  static properties = { client: { attribute: false }, removed: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.onRemoved = (e) => {
      clearTimeout(this.timer);
      this.removed = e.detail;
      this.timer = setTimeout(() => { this.removed = null; }, SHOWN_MS);
    };
    this.client.addEventListener('removed', this.onRemoved);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.client.removeEventListener('removed', this.onRemoved);
  }

  render() {
    return html`<div class="undo-bar" role="status" aria-live="polite">
      ${this.removed ? html`
        <p data-testid="undo-bar">${t('removedItem', { label: this.removed.label })}
          <button type="button" data-testid="undo-remove" @click=${this.#undo}>${t('undo')}</button></p>` : ''}
    </div>`;
  }

  #undo() {
    restoreItem(this.client, this.removed.id);
    clearTimeout(this.timer);
    this.removed = null;
  }
}
customElements.define('aan-undo-bar', UndoBar);
