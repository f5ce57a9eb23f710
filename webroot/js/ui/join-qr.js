// The QR code for joining, drawn by the server (it knows the participant link's address) and
// inlined, so that it scales sharply on a projector.
import { html } from 'lit';
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';
import { LightElement } from './light-element.js';
import { t } from '../i18n.js';

export class JoinQr extends LightElement {
  static properties = { boardId: {}, token: {}, joinToken: {}, svg: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.#load();
  }

  render() {
    if (!this.svg) return '';
    return html`
      <figure class="join-qr" data-testid="join-qr">
        <div class="qr-image">${unsafeSVG(this.svg)}</div>
        <figcaption>${t('scanToJoin')}</figcaption>
      </figure>`;
  }

  // The server's SVG says it is an image; the label that says of what is ours, in our language.
  updated() {
    this.querySelector('svg')?.setAttribute('aria-label', t('qrLabel'));
    this.querySelector('svg')?.setAttribute('role', 'img');
  }

  async #load() {
    if (!this.joinToken) return;
    try {
      const response = await fetch(`/api/boards/${encodeURIComponent(this.boardId)}/join-qr.svg`, {
        headers: { Authorization: `Bearer ${this.token}`, 'X-Join-Token': this.joinToken },
      });
      if (!response.ok) return;
      // Only the <svg> element itself: no XML prolog or doctype inside our page.
      const text = await response.text();
      this.svg = text.slice(text.indexOf('<svg'));
    } catch {
      // No QR code; the projector still shows the meeting.
    }
  }
}
customElements.define('aan-join-qr', JoinQr);
