// The connection indicator. It lives in a polite live region, so it only mentions unsaved
// edits while disconnected; otherwise every keystroke would be read out.
import { html } from 'lit';
import { LightElement } from './light-element.js';
import { t } from '../i18n.js';

export class ConnectionStatus extends LightElement {
  static properties = { connection: {}, unsaved: { type: Number } };

  constructor() {
    super();
    this.connection = 'reconnecting';
    this.unsaved = 0;
  }

  render() {
    const unsavedText = this.connection !== 'connected' && this.unsaved > 0 ? `, ${t('unsaved', { n: this.unsaved })}` : '';
    return html`
      <p class="connection ${this.connection}" role="status" aria-live="polite"
        data-testid="connection-status" data-state=${this.connection} data-unsaved=${this.unsaved}>
        <span class="dot" aria-hidden="true"></span>${t(this.connection)}${unsavedText}
      </p>`;
  }
}
customElements.define('aan-connection-status', ConnectionStatus);
