// The connection indicator: tells the truth about a person's edits. "Saving…" while they are on
// their way and answered recently, "no connection — N changes waiting" when nothing came back
// for a while (whatever the socket claims), "all saved" once every edit is acknowledged. Only the
// moments that matter are read out (waiting, and saved again after waiting): every keystroke
// passes through "saving…", which a screen reader should not repeat.
import { html } from 'lit';
import { LightElement } from './light-element.js';
import { t } from '../i18n.js';

export class ConnectionStatus extends LightElement {
  static properties = { connection: {}, unsaved: { type: Number }, saving: {}, readOnly: { type: Boolean } };

  constructor() {
    super();
    this.connection = 'reconnecting';
    this.unsaved = 0;
    this.saving = 'idle';
    this.announced = '';
  }

  render() {
    const text = this.#text();
    return html`
      <p class="connection ${this.connection} saving-${this.saving}"
        data-testid="connection-status" data-state=${this.connection} data-unsaved=${this.unsaved}
        data-saving=${this.saving}>
        <span class="dot" aria-hidden="true"></span><span data-testid="connection-text">${text}</span>
      </p>
      <p class="visually-hidden" role="status" aria-live="polite">${this.#announcement(text)}</p>`;
  }

  #text() {
    switch (this.saving) {
      case 'saving': return t('saving');
      case 'waiting': return t('changesWaiting', { n: this.unsaved });
      case 'saved': return this.readOnly ? t('connected') : t('allSaved');
      default: return t(this.connection);
    }
  }

  // What the live region holds: only changes a person must hear about.
  #announcement(text) {
    if (this.saving === 'waiting' || this.connection === 'offline') this.announced = text;
    else if (this.saving === 'saved' && this.announced) this.announced = text;
    return this.announced;
  }
}
customElements.define('aan-connection-status', ConnectionStatus);
