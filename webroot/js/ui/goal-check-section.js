// Looking back at the goal: each person says whether it was met, partly met or not, with an
// optional comment, and everyone sees the result. One goal check per person, by the id derived from them.
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { BoardSection } from './light-element.js';
import './text-field.js';
import { roleLabel, t } from '../i18n.js';
import { ownEntry } from '../board/entity-rules.js';
import { VERDICTS } from '../board/choices.js';

export class GoalCheckSection extends BoardSection {
  render() {
    const state = this.client.state;
    const checks = Object.entries(state.entities)
      .filter(([, e]) => e.kind === 'goalCheck' && !e.deleted)
      .map(([id, e]) => ({ id, ...e }));
    const me = this.client.you?.participantId;
    const [myId, mine] = me ? ownEntry(state, 'goalCheck', me) : [null, null];
    const canAnswer = !this.readOnly && myId && this.client.name;
    return html`
      <section class="card" aria-labelledby="goal-check-heading">
        <h2 id="goal-check-heading">${t('lookbackGoalHeading')}</h2>
        <p class="muted">${t('ourGoal')}</p>
        <blockquote class="goal-quote" data-testid="goal-quote">${state.board.goal || t('noGoal')}</blockquote>
        ${canAnswer ? html`
          <fieldset class="verdicts" data-testid="goal-check-form">
            <legend>${t('yourVerdict')}</legend>
            ${VERDICTS.map((v) => html`
              <label class="radio">
                <input type="radio" name="verdict" value=${v} data-testid="goal-check-verdict-${v}"
                  .checked=${mine?.verdict === v} @change=${() => this.#choose(myId, mine, v)}>
                ${t(`verdicts.${v}`)}</label>`)}
          </fieldset>
          ${mine ? html`
            <aan-text-field .client=${this.client} .entityId=${myId} field="comment" multiline
              label=${t('goalComment')} testid="goal-check-comment"></aan-text-field>` : ''}` : ''}
        ${this.#summary(checks)}
      </section>`;
  }

  #summary(checks) {
    return html`
      <div class="goal-result" data-testid="goal-check-summary">
        <h3>${t('goalResultHeading')}</h3>
        ${checks.length === 0 ? html`<p class="empty">${t('goalResultNone')}</p>` : html`
          <p class="verdict-counts">
            ${VERDICTS.map((v) => html`<span class="badge verdict-${v}" data-testid="goal-check-count-${v}"
              data-count=${checks.filter((c) => c.verdict === v).length}>
              ${t(`verdicts.${v}`)}: ${checks.filter((c) => c.verdict === v).length}</span> `)}
          </p>
          <ul class="cards">
            ${repeat(checks, (c) => c.id, (c) => html`
              <li data-testid="goal-check-result" data-id=${c.id} data-verdict=${c.verdict ?? ''}>
                <span class="person-name">${c.name ?? this.client.name}</span>
                <span class="muted">${roleLabel(c.role ?? this.client.role)}</span>:
                <strong>${c.verdict ? t(`verdicts.${c.verdict}`) : ''}</strong>
                ${c.comment ? html`<p class="comment">${c.comment}</p>` : ''}
              </li>`)}
          </ul>`}
      </div>`;
  }

  #choose(id, existing, verdict) {
    if (existing) this.client.set(id, 'verdict', verdict);
    else this.client.submit([{ type: 'create', id, kind: 'goalCheck', fields: { verdict, comment: '' } }]);
  }
}
customElements.define('aan-goal-check-section', GoalCheckSection);
