// Messages about edits the server refused. Refusals are rare and mean something the user
// typed is gone again, so they stay until dismissed.
import { html } from 'lit';
import { LightElement } from './light-element.js';
import { t } from '../i18n.js';

const KEYS = { 400: 'error400', 403: 'error403', 404: 'error404', 409: 'error409', 413: 'error413' };

export class ErrorMessages extends LightElement {
  static properties = { errors: { attribute: false } };

  constructor() {
    super();
    this.errors = [];
  }

  add({ code, message, key: given }) {
    const key = given ?? (message === 'lost-edits' ? 'errorLostEdits'
      : message === 'refused' ? 'errorRefused' : KEYS[code] ?? 'errorOther');
    const detail = KEYS[code] && message && message !== 'lost-edits' && message !== 'refused' ? message : '';
    this.errors = [...this.errors, { id: Math.random(), key, detail }];
  }

  render() {
    return html`
      <div role="alert" class="errors">
        ${this.errors.map((error) => html`
          <p class="error" data-testid="error-message">
            <span>${t(error.key)}${error.detail ? html` <span class="muted">(${error.detail})</span>` : ''}</span>
            <button type="button" class="link" @click=${() => { this.errors = this.errors.filter((e) => e !== error); }}>
              ${t('dismiss')}</button>
          </p>`)}
      </div>`;
  }
}
customElements.define('aan-error-messages', ErrorMessages);
