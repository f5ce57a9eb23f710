import { html } from 'lit';
import { LightElement } from './light-element.js';
import { roleLabel, t } from '../i18n.js';
import { namedParticipants } from './people.js';

const BOARD_FIELDS = { goal: 'goalHeading', title: 'title', lead: 'followUpHeading', consent: 'followUpHeading' };
const KIND_HEADINGS = {
  agendaItem: 'agendaHeading', action: 'actionsHeading', checkin: 'checkinHeading', agreement: 'agreementsHeading',
  goalCheck: 'lookbackGoalHeading', evaluation: 'evaluationHeading', question: 'questionsHeading',
};

export class PresenceList extends LightElement {
  static properties = { client: { attribute: false } };

  connectedCallback() {
    super.connectedCallback();
    this.onPresence = () => this.requestUpdate();
    this.client.addEventListener('presence', this.onPresence);
    // Where someone types is named after what is on the board, which may arrive after their focus.
    this.client.addEventListener('change', this.onPresence);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.client.removeEventListener('presence', this.onPresence);
    this.client.removeEventListener('change', this.onPresence);
  }

  render() {
    const people = namedParticipants(this.client);
    const me = this.client.you?.participantId;
    return html`
      <section class="card presence" aria-labelledby="presence-heading">
        <h2 id="presence-heading">${t('presenceHeading')}</h2>
        ${people.length === 0 ? html`<p class="empty">${t('presenceEmpty')}</p>` : ''}
        <ul data-testid="presence-list">
          ${people.map((p) => html`
            <li data-testid="presence-person" class=${p.online ? 'online' : 'away'} data-online=${String(p.online)}
              data-participant-id=${p.participantId}>
              <span class="dot" aria-hidden="true"></span>
              <span class="person-name">${p.name}${p.participantId === me ? html` <span class="muted">(${t('you')})</span>` : ''}</span>
              <span class="muted">${roleLabel(p.role)}
                · ${p.online ? t('online') : t('offlinePerson')}</span>
              ${p.online && p.focus && this.#fieldName(p.focus) ? html`<span class="muted focus" data-testid="presence-typing">${t('typingIn', { field: this.#fieldName(p.focus) })}</span>` : ''}
            </li>`)}
        </ul>
        ${this.client.watching > 0 ? html`<p class="muted" data-testid="presence-watching">${t('watching', { n: this.client.watching })}</p>` : ''}
      </section>`;
  }

  // Where someone is writing, in words of the board's headings rather than field names.
  #fieldName({ id, field }) {
    // An entity whose create has not reached us yet is nowhere we can name: say nothing rather than guess.
    const key = id === 'board' ? BOARD_FIELDS[field] : KIND_HEADINGS[this.client.state.entities[id]?.kind];
    return key ? t(key) : null;
  }
}
customElements.define('aan-presence-list', PresenceList);
