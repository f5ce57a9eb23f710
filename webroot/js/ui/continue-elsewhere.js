// A person's own way to continue on another device: their personal link (carrying their seat)
// as text and as a QR code drawn by the server. Shown only on their own page, only on request,
// because whoever holds it speaks in their name.
import { html } from 'lit';
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';
import { LightElement } from './light-element.js';
import { t } from '../i18n.js';
import './copy-link.js';

export function continueUrl(boardId, token, seat) {
  return `${location.origin}/b/${encodeURIComponent(boardId)}#${token ?? ''}~${seat}`;
}

export class ContinueElsewhere extends LightElement {
  static properties = { client: { attribute: false }, open: { state: true }, svg: { state: true } };

  render() {
    const seat = this.client?.seat;
    if (!seat) return '';
    return html`
      <section class="card" aria-labelledby="continue-heading" data-testid="continue-elsewhere">
        <h2 id="continue-heading">${t('continueHeading')}</h2>
        <button type="button" aria-expanded=${String(Boolean(this.open))} aria-controls="continue-body"
          data-testid="continue-toggle" @click=${this.#toggle}>${this.open ? t('continueHide') : t('continueShow')}</button>
        ${this.open ? html`
          <div id="continue-body">
            <p class="muted">${t('continueHelp')}</p>
            <aan-copy-link .url=${continueUrl(this.client.boardId, this.client.token, seat)} .who=${t('linkContinue')}></aan-copy-link>
            ${this.svg ? html`<div class="qr-image" data-testid="continue-qr">${unsafeSVG(this.svg)}</div>` : ''}
          </div>` : ''}
      </section>`;
  }

  updated() {
    const svg = this.querySelector('[data-testid=continue-qr] svg');
    svg?.setAttribute('aria-label', t('continueHeading'));
  }

  async #toggle() {
    this.open = !this.open;
    if (!this.open || this.svg) return;
    try {
      const headers = { 'X-Seat': this.client.seat };
      if (this.client.token) headers.Authorization = `Bearer ${this.client.token}`;
      const response = await fetch(`/api/boards/${encodeURIComponent(this.client.boardId)}/seat-qr.svg`, { headers });
      if (!response.ok) return;
      const text = await response.text();
      this.svg = text.slice(text.indexOf('<svg'));
    } catch {
      // The link above still works without the picture.
    }
  }
}
customElements.define('aan-continue-elsewhere', ContinueElsewhere);
