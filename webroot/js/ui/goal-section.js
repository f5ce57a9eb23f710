import { html } from 'lit';
import { BoardSection } from './light-element.js';
import './text-field.js';
import { t } from '../i18n.js';

export class GoalSection extends BoardSection {
  render() {
    return html`
      <section class="card" aria-labelledby="goal-heading">
        <h2 id="goal-heading">${t('goalHeading')}</h2>
        <aan-text-field .client=${this.client} .entityId=${'board'} field="goal" multiline
          label=${t('goalQuestion')} testid="goal" ?disabled=${this.readOnly}></aan-text-field>
      </section>`;
  }
}
customElements.define('aan-goal-section', GoalSection);
