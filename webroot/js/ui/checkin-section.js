// Check-in: a short card per person on how they are doing today. The server stamps who wrote
// a card; only its author (or the facilitator) can change it, and nobody deletes it.
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { BoardSection } from './light-element.js';
import './text-field.js';
import { roleLabel, t } from '../i18n.js';
import { ownEntry } from '../board/entity-rules.js';
import { mayChange } from './removal.js';

export class CheckinSection extends BoardSection {
  render() {
    const me = this.client.you?.participantId;
    const cards = Object.entries(this.client.state.entities)
      .filter(([, e]) => e.kind === 'checkin' && !e.deleted)
      .map(([id, e]) => ({ id, ...e }));
    // Our own card has no stamped author until the server's copy arrives.
    const mine = (card) => !card.participantId || card.participantId === me;
    const hasMine = cards.some(mine);
    return html`
      <section class="card" aria-labelledby="checkin-heading">
        <h2 id="checkin-heading">${t('checkinHeading')}</h2>
        <p>${t('checkinIntro')}</p>
        ${cards.length === 0 ? html`<p class="empty">${t('checkinEmpty')}</p>` : ''}
        <ul class="cards">
          ${repeat(cards, (card) => card.id, (card) => html`
            <li class="checkin-card" data-testid="checkin-card" data-id=${card.id} data-participant-id=${card.participantId ?? ''}>
              <p class="person-name" data-testid="checkin-name">${card.name ?? this.client.name}
                <span class="muted">${roleLabel(card.role ?? this.client.role)}</span></p>
              <aan-text-field .client=${this.client} .entityId=${card.id} field="text" multiline
                label=${t('checkinText', { name: card.name ?? this.client.name })} hideLabel testid="checkin-text"
                ?disabled=${this.readOnly || !mayChange(this.client, card, 'text')}></aan-text-field>
            </li>`)}
        </ul>
        ${this.readOnly || hasMine ? '' : html`
          <button type="button" class="add" data-testid="add-checkin" @click=${this.#add}>+ ${t('addCheckin')}</button>`}
      </section>`;
  }

  async #add() {
    // One card per person, with the id the server derives from them.
    const [id] = ownEntry(this.client.state, 'checkin', this.client.you?.participantId);
    this.client.submit([{ type: 'create', id, kind: 'checkin', fields: { text: '' } }]);
    await this.updateComplete;
    this.querySelector(`[data-id="${id}"] aan-text-field`)?.focusControl();
  }
}
customElements.define('aan-checkin-section', CheckinSection);
