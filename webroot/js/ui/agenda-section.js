import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { live } from 'lit/directives/live.js';
import { BoardSection } from './light-element.js';
import { orderAtEnd, orderedEntities, orderForMove } from './ordered-entities.js';
import './text-field.js';
import { t } from '../i18n.js';

const STATUSES = ['open', 'discussing', 'done'];

export class AgendaSection extends BoardSection {
  render() {
    const items = orderedEntities(this.client.state, 'agendaItem');
    return html`
      <section class="card" aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">${t('agendaHeading')}</h2>
        ${items.length === 0 ? html`<p class="empty">${t('agendaEmpty')}</p>` : ''}
        <ol class="item-list" data-testid="agenda-list">
          ${repeat(items, (item) => item.id, (item, index) => this.#row(items, item, index))}
        </ol>
        ${this.readOnly ? '' : html`
          <button type="button" class="add" data-testid="add-agenda-item" @click=${() => this.#add(items)}>
            + ${t('addAgendaItem')}</button>`}
      </section>`;
  }

  #row(items, item, index) {
    const n = index + 1;
    const ro = this.readOnly;
    return html`
      <li class="item-row status-${item.status ?? 'open'}" data-testid="agenda-item" data-id=${item.id}>
        <aan-text-field .client=${this.client} .entityId=${item.id} field="title" hideLabel
          label=${t('agendaItemTitle', { n })} testid="agenda-item-title" ?disabled=${ro}></aan-text-field>
        <div class="row-controls">
          <label>
            <span class="visually-hidden">${t('status')} ${t('agendaItemTitle', { n })}</span>
            <select data-testid="agenda-item-status" ?disabled=${ro} .value=${live(item.status ?? 'open')}
              @change=${(e) => this.client.set(item.id, 'status', e.target.value)}>
              ${STATUSES.map((s) => html`<option value=${s} ?selected=${(item.status ?? 'open') === s}>${t(`agendaStatus.${s}`)}</option>`)}
            </select>
          </label>
          ${ro ? '' : html`
            <button type="button" class="icon" aria-label=${t('moveUp', { n })} title=${t('moveUp', { n })}
              data-testid="agenda-item-up" ?disabled=${index === 0} @click=${() => this.#move(items, index, -1)}>↑</button>
            <button type="button" class="icon" aria-label=${t('moveDown', { n })} title=${t('moveDown', { n })}
              data-testid="agenda-item-down" ?disabled=${index === items.length - 1} @click=${() => this.#move(items, index, 1)}>↓</button>
            <button type="button" class="icon danger" aria-label=${t('removeAgendaItem', { n })} title=${t('removeAgendaItem', { n })}
              data-testid="agenda-item-remove" @click=${() => this.client.delete(item.id)}>✕</button>`}
        </div>
      </li>`;
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
    (button && !button.disabled ? button : this.querySelector(`[data-id="${id}"] input`))?.focus();
  }
}
customElements.define('aan-agenda-section', AgendaSection);
