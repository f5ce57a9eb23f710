// Webinar questions: listeners with a participant link ask; the facilitator marks them answered.
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { live } from 'lit/directives/live.js';
import { BoardSection } from './light-element.js';
import { orderAtEnd, orderedEntities } from './ordered-entities.js';
import './text-field.js';
import { t } from '../i18n.js';

export class QuestionsSection extends BoardSection {
  render() {
    const questions = orderedEntities(this.client.state, 'question');
    const ro = this.readOnly;
    return html`
      <section class="card" aria-labelledby="questions-heading">
        <h2 id="questions-heading">${t('questionsHeading')}</h2>
        ${questions.length === 0 ? html`<p class="empty">${t('questionsEmpty')}</p>` : ''}
        <ol class="item-list">
          ${repeat(questions, (q) => q.id, (q, index) => html`
            <li class="item-row ${q.answered ? 'answered' : ''}" data-testid="question-row" data-id=${q.id}
              data-answered=${String(Boolean(q.answered))}>
              <aan-text-field .client=${this.client} .entityId=${q.id} field="text" hideLabel
                label=${t('questionText', { n: index + 1 })} testid="question-text" ?disabled=${ro}></aan-text-field>
              ${q.proposedByName ? html`<p class="muted item-meta">${t('askedBy', { name: q.proposedByName })}</p>` : ''}
              <label class="radio">
                <input type="checkbox" data-testid="question-answered" ?disabled=${!this.isFacilitator}
                  .checked=${live(Boolean(q.answered))} @change=${(e) => this.client.set(q.id, 'answered', e.target.checked)}>
                ${t('questionAnswered')}<span class="visually-hidden">: ${t('questionText', { n: index + 1 })}</span></label>
            </li>`)}
        </ol>
        ${ro ? '' : html`
          <button type="button" class="add" data-testid="add-question" @click=${() => this.#add(questions)}>
            + ${t('addQuestion')}</button>`}
      </section>`;
  }

  async #add(questions) {
    const id = this.client.create('question', { text: '', order: orderAtEnd(questions) });
    await this.updateComplete;
    this.querySelector(`[data-id="${id}"] aan-text-field`)?.focusControl();
  }
}
customElements.define('aan-questions-section', QuestionsSection);
