// The facilitator deletes a closed meeting with all its records, for good. A dialog asks first
// and says it cannot be undone; its safe choice (keep) has the focus, and Escape keeps too.
import { html } from 'lit';
import { LightElement } from './light-element.js';
import { t } from '../i18n.js';
import { deleteBoard } from '../sync/meeting-api.js';

export class DeleteBoard extends LightElement {
  static properties = { client: { attribute: false }, busy: { state: true } };

  render() {
    if (!this.client?.isFacilitator) return '';
    return html`
      <section class="card" aria-labelledby="delete-heading" data-testid="delete-board-section">
        <h2 id="delete-heading">${t('deleteHeading')}</h2>
        <p>${t('deleteIntro')}</p>
        <button type="button" class="danger" data-testid="delete-board" @click=${this.#ask}>${t('deleteBoard')}</button>
        <dialog aria-labelledby="delete-confirm-heading" aria-describedby="delete-confirm-text" data-testid="delete-dialog">
          <h2 id="delete-confirm-heading">${t('deleteConfirmHeading')}</h2>
          <p id="delete-confirm-text">${t('deleteConfirmText')}</p>
          <div class="button-row">
            <button type="button" autofocus data-testid="delete-cancel" @click=${this.#close}>${t('deleteCancel')}</button>
            <button type="button" class="danger" data-testid="delete-confirm" ?disabled=${this.busy}
              @click=${this.#confirm}>${t('deleteConfirm')}</button>
          </div>
        </dialog>
      </section>`;
  }

  #ask() {
    this.querySelector('dialog').showModal();
  }

  #close() {
    this.querySelector('dialog')?.close();
  }

  async #confirm() {
    this.busy = true;
    const deleted = await deleteBoard(this.client);
    this.busy = false;
    this.#close();
    // The server also tells every open page, this one included; not waiting for that message
    // means this page shows the outcome even if the socket is down right now.
    if (deleted) this.client.boardDeleted();
  }
}
customElements.define('aan-delete-board', DeleteBoard);
