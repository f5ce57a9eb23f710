// Webinar questions, as in Slido: listeners ask, reword or withdraw their own, and vote once per
// question; the host approves or hides, picks the one being answered now and marks it answered.
// The server enforces all of this (docs/meeting-model.md); this only shows what each person may do.
// Unapproved and hidden questions are left out for the others here, but the board's state reaches
// every browser: leaving them out is presentation, not secrecy (docs/security.md).
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { live } from 'lit/directives/live.js';
import { BoardSection } from './light-element.js';
import { orderAtEnd, orderedEntities } from './ordered-entities.js';
import { hasVoted, questionVisible, sortQuestions, voteCounts } from '../board/questions.js';
import { ownEntry } from '../board/entity-rules.js';
import { mayChange, mayDelete } from './removal.js';
import './text-field.js';
import { t } from '../i18n.js';

export class QuestionsSection extends BoardSection {
  static properties = { sort: { state: true } };

  constructor() {
    super();
    this.sort = 'votes';
  }

  render() {
    const state = this.client.state;
    const me = this.client.you?.participantId ?? null;
    const host = this.isFacilitator;
    const ro = this.readOnly;
    const counts = voteCounts(state);
    const all = orderedEntities(state, 'question').map((q, index) => ({ ...q, n: index + 1, votes: counts.get(q.id) ?? 0 }));
    // The server sends a listener only approved questions and their own (docs/protocol.md); the host all of them.
    const shown = sortQuestions(all.filter((q) => questionVisible(q) || host || (me && q.proposedBy === me)), this.sort);
    const currentId = state.board.currentQuestion ?? null;
    return html`
      <section class="card questions-card" aria-labelledby="questions-heading">
        <h2 id="questions-heading">${t('questionsHeading')}</h2>
        ${host ? html`<label class="radio">
          <input type="checkbox" data-testid="questions-need-approval" .checked=${live(Boolean(state.board.questionsNeedApproval))}
            @change=${(e) => this.client.set('board', 'questionsNeedApproval', e.target.checked)}>
          ${t('questionsNeedApproval')}</label>` : ''}
        ${shown.length > 1 ? html`<div class="question-sort" role="group" aria-label=${t('questionsSort')}>
          ${['votes', 'newest'].map((sort) => html`<button type="button" data-testid="questions-sort-${sort}"
            aria-pressed=${String(this.sort === sort)} @click=${() => { this.sort = sort; }}>${t(`questionsSortBy.${sort}`)}</button>`)}
        </div>` : ''}
        ${shown.length === 0 ? html`<p class="empty">${t('questionsEmpty')}</p>` : ''}
        <ol class="item-list" data-testid="question-list">
          ${repeat(shown, (q) => q.id, (q) => this.#row(q, { me, host, ro, current: q.id === currentId }))}
        </ol>
        ${ro ? '' : html`
          <button type="button" class="add" data-testid="add-question" @click=${() => this.#add(all)}>
            + ${t('addQuestion')}</button>`}
      </section>`;
  }

  #row(q, { me, host, ro, current }) {
    const moderation = q.moderation ?? 'approved';
    const visible = questionVisible(q);
    const voted = hasVoted(this.client.state, q.id, me);
    const label = t('questionText', { n: q.n });
    return html`
      <li class="item-row question-row moderation-${moderation} ${q.answered ? 'answered' : ''} ${current ? 'current' : ''}"
        data-testid="question-row" data-id=${q.id} data-answered=${String(Boolean(q.answered))}
        data-votes=${q.votes} data-moderation=${moderation} data-current=${String(current)}>
        <aan-text-field .client=${this.client} .entityId=${q.id} field="text" hideLabel
          label=${label} testid="question-text" ?disabled=${ro || !mayChange(this.client, q, 'text')}></aan-text-field>
        <p class="muted item-meta">
          ${q.proposedByName ? html`<span>${t('askedBy', { name: q.proposedByName })}</span>` : ''}
          ${current ? html`<span class="badge current-badge" data-testid="question-current-badge">${t('questionNowAnswering')}</span>` : ''}
          ${q.answered ? html`<span class="badge answered-badge" data-testid="question-answered-badge">${t('questionAnswered')}</span>` : ''}
          ${moderation === 'pending' ? html`<span class="badge" data-testid="question-pending">${t('questionPending')}</span>` : ''}
          ${moderation === 'hidden' ? html`<span class="badge" data-testid="question-hidden">${t('questionHidden')}</span>` : ''}
        </p>
        <div class="question-actions">
          ${visible ? html`<button type="button" class="vote" data-testid="question-vote" ?disabled=${ro}
            aria-pressed=${String(voted)} aria-label=${t('questionVoteLabel', { n: q.n, votes: q.votes })}
            @click=${() => this.#vote(q, voted, me)}>▲ <data data-testid="question-votes" value=${q.votes}>${q.votes}</data></button>`
            : html`<data class="muted" data-testid="question-votes" value=${q.votes}>${t('questionVotes', { n: q.votes })}</data>`}
          ${mayDelete(this.client, q) && !ro ? html`<button type="button" data-testid="question-withdraw"
            @click=${() => this.client.delete(q.id)}>${t('questionWithdraw')}<span class="visually-hidden">: ${label}</span></button>` : ''}
          ${host ? this.#hostControls(q, moderation, current, label) : ''}
        </div>
      </li>`;
  }

  #hostControls(q, moderation, current, label) {
    const hint = html`<span class="visually-hidden">: ${label}</span>`;
    return html`
      ${moderation !== 'approved' ? html`<button type="button" data-testid="question-approve"
        @click=${() => this.client.set(q.id, 'moderation', 'approved')}>${t('questionApprove')}${hint}</button>` : ''}
      ${moderation !== 'hidden' ? html`<button type="button" data-testid="question-hide"
        @click=${() => this.#hide(q, current)}>${t('questionHide')}${hint}</button>` : ''}
      ${moderation === 'approved' && !q.answered ? html`<button type="button" data-testid="question-answer-now"
        aria-pressed=${String(current)} @click=${() => this.client.set('board', 'currentQuestion', current ? null : q.id)}>
        ${current ? t('questionStopAnswering') : t('questionAnswerNow')}${hint}</button>` : ''}
      <label class="radio">
        <input type="checkbox" data-testid="question-answered" .checked=${live(Boolean(q.answered))}
          @change=${(e) => this.#answered(q, e.target.checked, current)}>
        ${t('questionAnswered')}${hint}</label>`;
  }

  #vote(q, voted, me) {
    const [id, existing] = ownEntry(this.client.state, 'vote', me, q.id);
    if (!existing) {
      this.client.submit([{ type: 'create', id, kind: 'vote', fields: { question: q.id } }]);
    } else if (!existing.deleted) {
      this.client.set(id, 'withdrawn', voted);
    }
  }

  #hide(q, current) {
    const ops = [{ type: 'set', id: q.id, field: 'moderation', value: 'hidden' }];
    if (current) ops.push({ type: 'set', id: 'board', field: 'currentQuestion', value: null });
    this.client.submit(ops);
  }

  // An answered question is no longer the one being answered.
  #answered(q, answered, current) {
    const ops = [{ type: 'set', id: q.id, field: 'answered', value: answered }];
    if (answered && current) ops.push({ type: 'set', id: 'board', field: 'currentQuestion', value: null });
    this.client.submit(ops);
  }

  async #add(all) {
    const id = this.client.create('question', { text: '', order: orderAtEnd(all) });
    await this.updateComplete;
    this.querySelector(`[data-id="${id}"] aan-text-field`)?.focusControl();
  }
}
customElements.define('aan-questions-section', QuestionsSection);
