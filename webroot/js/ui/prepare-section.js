// Before the meeting: everyone adds agenda items through their own link; the facilitator sees
// the balance between family, school and care, and can fix the agenda. The agenda comes before
// the balance, so that adding a point is near the top of a phone's screen.
import { html } from 'lit';
import { BoardSection } from './light-element.js';
import './balance-strip.js';
import './agenda-section.js';
import { shownDateTime, shownValue } from './shown-value.js';
import { t } from '../i18n.js';
import { draft } from './draft.js';

export class PrepareSection extends BoardSection {
  render() {
    const frozen = Boolean(this.client.state.board.agendaFrozen);
    // A webinar's listeners listen: no balance between family, school and care to weigh.
    const listening = this.client.state.board.template === 'webinar' && !this.client.isFacilitator;
    return html`
      <section class="card prepare-card" aria-labelledby="prepare-heading">
        <h2 id="prepare-heading">${t('prepareHeading')}</h2>
        <p>${t('prepareIntro')}</p>
        ${this.readOnly ? shownValue({ label: t('scheduledAt'), text: shownDateTime(this.client.state.board.scheduledAt),
          value: this.client.state.board.scheduledAt, testid: 'scheduled-at' }) : html`
        <label class="field-label" for="scheduled-at">${t('scheduledAt')}</label>
        <input id="scheduled-at" type="datetime-local" data-testid="scheduled-at"
          .value=${draft(this.client.state.board.scheduledAt ?? '')}
          @change=${(e) => this.client.set('board', 'scheduledAt', e.target.value.slice(0, 16))}>`}
        ${frozen ? html`<p class="notice" data-testid="agenda-frozen-notice">${t('agendaFrozen')}</p>` : ''}
      </section>
      <aan-agenda-section .client=${this.client}></aan-agenda-section>
      ${listening ? '' : html`<section class="card balance-card" aria-labelledby="balance-heading">
        <aan-balance-strip .client=${this.client}></aan-balance-strip>
        ${this.isFacilitator ? html`
          <button type="button" data-testid="freeze-agenda" aria-pressed=${String(frozen)}
            @click=${() => this.client.set('board', 'agendaFrozen', !frozen)}>
            ${frozen ? t('unfreezeAgenda') : t('freezeAgenda')}</button>` : ''}
      </section>`}`;
  }
}
customElements.define('aan-prepare-section', PrepareSection);
