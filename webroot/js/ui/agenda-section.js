// The agenda, in two guises: while preparing (who brought what in) and during the meeting
// (the item being discussed, time, notes, status). Anyone may add and reorder items.
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { BoardSection } from './light-element.js';
import { orderAtEnd, orderedEntities, orderForMove } from './ordered-entities.js';
import { agendaItemRow } from './agenda-item-row.js';
import './removed-items.js';
import { t } from '../i18n.js';

export class AgendaSection extends BoardSection {
  static properties = { meeting: { type: Boolean }, opened: { state: true } };

  constructor() {
    super();
    // Items opened or closed here, by id; the others follow the default (open: the current item).
    this.opened = new Map();
  }

  #isOpen(id) {
    const currentId = this.meeting ? this.client.state.board.currentItem ?? null : null;
    return this.opened.get(id) ?? id === currentId;
  }

  #toggle(id) {
    this.opened = new Map(this.opened).set(id, !this.#isOpen(id));
  }

  // A webinar's listeners listen: they follow the agenda, they do not edit it.
  get listening() {
    return this.client.state.board.template === 'webinar' && !this.client.isFacilitator;
  }

  render() {
    const items = orderedEntities(this.client.state, 'agendaItem');
    const readOnly = this.readOnly || this.listening;
    const ctx = {
      client: this.client,
      items,
      meeting: this.meeting,
      readOnly,
      facilitator: this.isFacilitator,
      currentId: this.client.state.board.currentItem ?? null,
      move: (index, step) => this.#move(items, index, step),
      isOpen: (id) => this.#isOpen(id),
      toggle: (id) => this.#toggle(id),
    };
    return html`
      <section class="card" aria-labelledby="agenda-heading">
        <!-- In the meeting the page's own heading already says Agenda: this one is there for screen readers. -->
        <h2 id="agenda-heading" class=${this.meeting ? 'visually-hidden' : ''}>${t('agendaHeading')}</h2>
        ${items.length === 0 ? html`<p class="empty">${t('agendaEmpty')}</p>` : ''}
        <ol class="item-list" data-testid="agenda-list">
          ${repeat(items, (item) => item.id, (item, index) => agendaItemRow({ ...ctx, index }, item))}
        </ol>
        ${readOnly ? '' : html`
          <button type="button" class="add" data-testid="add-agenda-item" @click=${() => this.#add(items)}>
            + ${t('addAgendaItem')}</button>`}
        ${this.listening ? '' : html`
          <aan-removed-items .client=${this.client} kind="agendaItem" field="title"></aan-removed-items>`}
      </section>`;
  }

  async #add(items) {
    const id = this.client.create('agendaItem', { title: '', status: 'open', order: orderAtEnd(items) });
    await this.updateComplete;
    this.querySelector(`[data-id="${id}"] aan-text-field`)?.focusControl();
  }

  async #move(items, index, step) {
    const order = orderForMove(items, index, step);
    if (order === null) return;
    const id = items[index].id;
    this.client.set(id, 'order', order);
    // Keep the keyboard on the button just pressed, on the row that moved.
    await this.updateComplete;
    const button = this.querySelector(`[data-id="${id}"] [data-testid="agenda-item-${step < 0 ? 'up' : 'down'}"]`);
    (button && !button.disabled ? button : this.querySelector(`[data-id="${id}"] textarea, [data-id="${id}"] input`))?.focus();
  }
}
customElements.define('aan-agenda-section', AgendaSection);
