// Evaluating the collaboration with the nine praatplaat topics (Met Andere Ogen): the
// facilitator hands each person a topic; each answers three questions about it.
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { BoardSection } from './light-element.js';
import { namedParticipants, personName } from './people.js';
import { TOPICS } from '../board/choices.js';
import './text-field.js';
import { roleLabel, t } from '../i18n.js';
import { mayChange, mayDelete } from './removal.js';

const QUESTIONS = [['howIsIt', 'evaluation-how'], ['goodAt', 'evaluation-good'], ['couldBetter', 'evaluation-better']];

export class EvaluationSection extends BoardSection {
  #cards() {
    return Object.entries(this.client.state.entities)
      .filter(([, e]) => e.kind === 'evaluation' && !e.deleted)
      .map(([id, e]) => ({ id, ...e }))
      .sort((a, b) => TOPICS.indexOf(a.topic) - TOPICS.indexOf(b.topic));
  }

  render() {
    const cards = this.#cards();
    return html`
      <section class="card" aria-labelledby="evaluation-heading">
        <h2 id="evaluation-heading">${t('evaluationHeading')}</h2>
        <p>${t('evaluationIntro')}</p>
        ${this.isFacilitator ? this.#handOut(new Set(cards.map((c) => c.topic))) : ''}
        ${cards.length === 0 ? html`<p class="empty">${t('evaluationEmpty')}</p>` : ''}
        <ul class="cards">${repeat(cards, (c) => c.id, (c) => this.#card(c))}</ul>
      </section>`;
  }

  // A topic is handed out once: those on a card stay in the list, disabled and marked, so the
  // facilitator can see which ones are left.
  #handOut(handed) {
    const people = namedParticipants(this.client);
    const allHanded = handed.size === TOPICS.length;
    return html`
      <form class="hand-out" data-testid="evaluation-hand-out" @submit=${this.#create}>
        <div>
          <label class="field-label" for="evaluation-topic">${t('evaluationTopic')}</label>
          <select id="evaluation-topic" name="topic" data-testid="evaluation-topic" ?disabled=${allHanded}
            aria-describedby="evaluation-topic-help">
            ${TOPICS.map((topic) => html`<option value=${topic} ?disabled=${handed.has(topic)}>${handed.has(topic)
              ? t('topicHandedOut', { topic: t(`topics.${topic}`) }) : t(`topics.${topic}`)}</option>`)}
          </select>
          <p class="muted" id="evaluation-topic-help" data-testid="evaluation-topic-help">
            ${t(allHanded ? 'allTopicsHandedOut' : 'topicOnce')}</p>
        </div>
        <div>
          <label class="field-label" for="evaluation-assignee">${t('evaluationAssignee')}</label>
          <select id="evaluation-assignee" name="assignedTo" data-testid="evaluation-assignee">
            <option value="">${t('nobody')}</option>
            ${people.map((p) => html`<option value=${p.participantId}>${p.name} (${roleLabel(p.role)})</option>`)}
          </select>
        </div>
        <button type="submit" data-testid="add-evaluation" ?disabled=${allHanded}>${t('handOutTopic')}</button>
      </form>`;
  }

  updated(changed) {
    super.updated(changed);
    // The topic just handed out (here or by another facilitator) must not stay the chosen one.
    const select = this.querySelector('#evaluation-topic');
    if (select?.selectedOptions[0]?.disabled) {
      select.value = [...select.options].find((option) => !option.disabled)?.value ?? '';
    }
  }

  #card(card) {
    const mayAnswer = !this.readOnly && mayChange(this.client, card, 'howIsIt');
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
        ${!this.readOnly && mayDelete(this.client, card) ? html`
          <button type="button" class="link danger" data-testid="evaluation-remove"
            aria-label=${t('removeEvaluation', { topic })} @click=${() => this.client.delete(card.id)}>${t('remove')}</button>` : ''}
      </li>`;
  }

  #create(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const topic = String(form.get('topic') ?? '');
    if (!TOPICS.includes(topic) || this.#cards().some((card) => card.topic === topic)) return;
    this.client.create('evaluation', {
      topic, assignedTo: String(form.get('assignedTo')) || null,
      howIsIt: '', goodAt: '', couldBetter: '',
    });
  }
}
customElements.define('aan-evaluation-section', EvaluationSection);
