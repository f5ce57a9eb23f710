// The facilitator sees who holds a seat at this board and can take one back (someone who should
// not be there, or a seat nobody uses). A dialog asks first; its safe choice (keep) has the focus,
// and Escape keeps too. What the person wrote stays on the board under their name.
import { html } from 'lit';
import { LightElement } from './light-element.js';
import { roleLabel, t } from '../i18n.js';
import { namedParticipants } from './people.js';
import { removeSeat } from '../sync/meeting-api.js';

export class SeatHolders extends LightElement {
  static properties = { client: { attribute: false }, asking: { state: true }, busy: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.onPresence = () => this.requestUpdate();
    this.client.addEventListener('presence', this.onPresence);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.client.removeEventListener('presence', this.onPresence);
  }

  render() {
    if (!this.client?.isFacilitator) return '';
    const me = this.client.you?.participantId;
    const others = namedParticipants(this.client).filter((p) => p.participantId !== me);
    return html`
      <section class="card" aria-labelledby="seats-heading" data-testid="seat-holders">
        <h2 id="seats-heading">${t('seatsHeading')}</h2>
        ${others.length === 0 ? html`<p class="empty">${t('seatsEmpty')}</p>` : ''}
        <ul>
          ${others.map((p) => html`
            <li data-testid="seat-holder" data-participant-id=${p.participantId}>
              <span class="person-name">${p.name}</span> <span class="muted">${roleLabel(p.role)}</span>
              <button type="button" class="link" data-testid="seat-remove"
                aria-label=${t('seatRemoveLabel', { name: p.name })} @click=${() => this.#ask(p)}>${t('seatRemove')}</button>
            </li>`)}
        </ul>
        <dialog aria-labelledby="seat-confirm-heading" aria-describedby="seat-confirm-text" data-testid="seat-dialog"
          @close=${() => { this.asking = null; }}>
          <h2 id="seat-confirm-heading">${t('seatConfirmHeading', { name: this.asking?.name ?? '' })}</h2>
          <p id="seat-confirm-text">${t('seatConfirmText')}</p>
          <div class="button-row">
            <button type="button" autofocus data-testid="seat-cancel" @click=${this.#close}>${t('seatCancel')}</button>
            <button type="button" class="danger" data-testid="seat-confirm" ?disabled=${this.busy}
              @click=${this.#confirm}>${t('seatConfirm')}</button>
          </div>
        </dialog>
      </section>`;
  }

  async #ask(person) {
    this.asking = person;
    await this.updateComplete;
    this.querySelector('dialog').showModal();
  }

  #close() {
    this.querySelector('dialog')?.close();
  }

  async #confirm() {
    this.busy = true;
    await removeSeat(this.client, this.asking.participantId);
    this.busy = false;
    this.#close();
    // Back to the list, not nowhere: the removed person's row is gone with its button.
    this.querySelector('#seats-heading')?.focus();
  }
}
customElements.define('aan-seat-holders', SeatHolders);
