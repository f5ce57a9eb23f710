// A concrete plan has one person holding the lead (regie) for follow-up, and a date on which
// we evaluate together.
import { html } from 'lit';
import { BoardSection } from './light-element.js';
import { personPicker } from './person-picker.js';
import { shownDate, shownValue } from './shown-value.js';
import { t } from '../i18n.js';
import { draft } from './draft.js';

export class FollowUpSection extends BoardSection {
  render() {
    const board = this.client.state.board;
    const ro = this.readOnly;
    return html`
      <section class="card" aria-labelledby="follow-up-heading" data-testid="follow-up">
        <h2 id="follow-up-heading">${t('followUpHeading')}</h2>
        <p class="muted">${t('leadHelp')}</p>
        ${personPicker({ client: this.client, entityId: 'board', idField: 'leadParticipantId', nameField: 'lead',
          label: t('lead'), nameLabel: t('leadName'), testid: 'lead', disabled: ro })}
        ${ro ? shownValue({ label: t('evaluationDate'), text: shownDate(board.evaluationDate), value: board.evaluationDate,
          testid: 'evaluation-date' }) : html`
        <label class="field-label" for="evaluation-date">${t('evaluationDate')}</label>
        <input id="evaluation-date" type="date" data-testid="evaluation-date"
          .value=${draft(board.evaluationDate ?? '')}
          @change=${(e) => this.client.set('board', 'evaluationDate', e.target.value)}>`}
      </section>`;
  }
}
customElements.define('aan-follow-up-section', FollowUpSection);
