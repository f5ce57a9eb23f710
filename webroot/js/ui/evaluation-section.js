// Evaluating the collaboration with the nine praatplaat topics (Met Andere Ogen): the
// facilitator hands each person a topic; each answers three questions about it.
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { BoardSection } from './light-element.js';
import { namedParticipants, personName } from './people.js';
import { PRAATPLAAT_TOPICS } from '../board/meeting-rules.js';
import './text-field.js';
import { roleLabel, t } from '../i18n.js';

const TOPICS = PRAATPLAAT_TOPICS.map((entry) => entry.topic);
const QUESTIONS = [['howIsIt', 'evaluation-how'], ['goodAt', 'evaluation-good'], ['couldBetter', 'evaluation-better']];

export class EvaluationSection extends BoardSection {
  render() {
    const cards = Object.entries(this.client.state.entities)
      .filter(([, e]) => e.kind === 'evaluation' && !e.deleted)
      .map(([id, e]) => ({ id, ...e }))
      .sort((a, b) => TOPICS.indexOf(a.topic) - TOPICS.indexOf(b.topic));
    return html`
      <section class="card" aria-labelledby="evaluation-heading">
        <h2 id="evaluation-heading">${t('evaluationHeading')}</h2>
        <p>${t('evaluationIntro')}</p>
        ${this.isFacilitator ? this.#handOut() : ''}
        ${cards.length === 0 ? html`<p class="empty">${t('evaluationEmpty')}</p>` : ''}
        <ul class="cards">${repeat(cards, (c) => c.id, (c) => this.#card(c))}</ul>
      </section>`;
  }

  #handOut() {
    const people = namedParticipants(this.client);
    return html`
      <form class="hand-out" data-testid="evaluation-hand-out" @submit=${this.#create}>
        <div>
          <label class="field-label" for="evaluation-topic">${t('evaluationTopic')}</label>
          <select id="evaluation-topic" name="topic" data-testid="evaluation-topic">
            ${TOPICS.map((topic) => html`<option value=${topic}>${t(`topics.${topic}`)}</option>`)}
          </select>
        </div>
        <div>
          <label class="field-label" for="evaluation-assignee">${t('evaluationAssignee')}</label>
          <select id="evaluation-assignee" name="assignedTo" data-testid="evaluation-assignee">
            <option value="">${t('nobody')}</option>
            ${people.map((p) => html`<option value=${p.participantId}>${p.name} (${roleLabel(p.role)})</option>`)}
          </select>
        </div>
        <button type="submit" data-testid="add-evaluation">${t('handOutTopic')}</button>
      </form>`;
  }

  #card(card) {
    const me = this.client.you?.participantId;
    const mayAnswer = !this.readOnly && (this.client.isFacilitator || (me && card.assignedTo === me));
    const topic = t(`topics.${card.topic}`);
    const who = card.assignedTo ? personName(this.client, card.assignedTo) : t('nobody');
    return html`
      <li class="evaluation-card" data-testid="evaluation-card" data-id=${card.id} data-topic=${card.topic}
        data-assigned-to=${card.assignedTo ?? ''}>
        <h3>${topic}</h3>
        <p class="muted" data-testid="evaluation-assigned">${t('evaluationFor', { name: who })}</p>
        ${QUESTIONS.map(([field, testid]) => html`
          <aan-text-field .client=${this.client} .entityId=${card.id} field=${field} multiline
            label="${t(field)}" testid=${testid} ?disabled=${!mayAnswer}></aan-text-field>`)}
        ${this.isFacilitator ? html`
          <button type="button" class="link danger" data-testid="evaluation-remove"
            aria-label=${t('removeEvaluation', { topic })} @click=${() => this.client.delete(card.id)}>${t('remove')}</button>` : ''}
      </li>`;
  }

  #create(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this.client.create('evaluation', {
      topic: String(form.get('topic')), assignedTo: String(form.get('assignedTo')) || null,
      howIsIt: '', goodAt: '', couldBetter: '',
    });
  }
}
customElements.define('aan-evaluation-section', EvaluationSection);
