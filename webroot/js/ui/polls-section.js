// Live polls: the facilitator asks a question with 2 to 10 options; every seated person chooses one
// and may change it until the facilitator closes the poll. Everyone sees the result live, as bars
// with the numbers in words. The server decides what is allowed (org.aantafel.board.Polls); this
// page only offers what the rules allow.
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { live } from 'lit/directives/live.js';
import { BoardSection } from './light-element.js';
import { orderAtEnd, orderedEntities } from './ordered-entities.js';
import { POLL_LIMITS, pollOptions, pollOptionsAccepted } from '../board/polls.js';
import { ownEntry } from '../board/entity-rules.js';
import { pollBars } from './poll-bars.js';
import { t } from '../i18n.js';

/** The polls people see: asked ones; the facilitator also sees those prepared but never opened. */
export function shownPolls(client) {
  return orderedEntities(client.state, 'poll').filter((p) => p.opened || client.isFacilitator);
}

export function hasOpenPoll(state) {
  return Object.values(state.entities).some((e) => e.kind === 'poll' && !e.deleted && e.open === true);
}

export class PollsSection extends BoardSection {
  static properties = { prominent: { type: Boolean }, draftQuestion: { state: true }, draftOptions: { state: true } };

  constructor() {
    super();
    this.prominent = false;
    this.draftQuestion = '';
    this.draftOptions = ['', ''];
  }

  render() {
    const polls = shownPolls(this.client);
    const asking = this.isFacilitator;
    if (polls.length === 0 && !asking) return '';
    return html`
      <section class="card polls" aria-labelledby="polls-heading" data-testid="polls-section">
        <h2 id="polls-heading">${t('poll.heading')}</h2>
        ${repeat(polls, (p) => p.id, (p) => this.#poll(p))}
        ${asking ? (this.prominent ? this.#form() : html`
          <details class="poll-ask-details" data-testid="poll-ask-details"><summary>${t('poll.ask')}</summary>
            ${this.#form()}</details>`) : ''}
      </section>`;
  }

  #poll(poll) {
    const open = poll.open === true;
    const me = this.client.you?.participantId;
    const [answerId, mine] = me ? ownEntry(this.client.state, 'pollAnswer', me, poll.id) : [null, null];
    const canAnswer = open && !this.readOnly && Boolean(me);
    const headingId = `poll-q-${poll.id}`;
    return html`
      <article class="poll ${open ? 'poll-open' : 'poll-closed'}" data-testid="poll" data-id=${poll.id}
        data-open=${String(open)} aria-labelledby=${headingId}>
        <h3 id=${headingId} data-testid="poll-question">${poll.question || t('untitled')}</h3>
        <p class="badge poll-status" data-testid="poll-status">${t(open ? 'poll.open' : poll.opened ? 'poll.closed' : 'poll.notAsked')}</p>
        ${canAnswer ? html`
          <fieldset class="poll-choices" data-testid="poll-choices">
            <legend>${t('poll.yourChoice')}</legend>
            ${pollOptions(poll).map((option, i) => html`
              <label class="radio poll-choice">
                <input type="radio" name=${`poll-${poll.id}`} value=${i} data-testid="poll-choice-${i}"
                  .checked=${live(mine?.choice === i)} @change=${() => this.#choose(poll.id, answerId, mine, i)}>
                ${option}</label>`)}
          </fieldset>` : ''}
        ${mine && !canAnswer ? html`<p class="muted" data-testid="poll-my-choice">${t('poll.youChose', { option: pollOptions(poll)[mine.choice] ?? '' })}</p>` : ''}
        ${pollBars(this.client.state, poll.id)}
        ${this.isFacilitator ? html`
          <button type="button" data-testid=${open ? 'poll-close' : 'poll-open'}
            @click=${() => this.client.set(poll.id, 'open', !open)}>
            ${t(open ? 'poll.closeButton' : poll.opened ? 'poll.reopenButton' : 'poll.openButton')}
            <span class="visually-hidden">: ${poll.question}</span></button>` : ''}
      </article>`;
  }

  #form() {
    const options = this.draftOptions;
    const filled = options.map((o) => o.trim());
    const valid = this.draftQuestion.trim() !== '' && pollOptionsAccepted(filled.join('\n'));
    return html`
      <form class="poll-form" data-testid="poll-form" @submit=${this.#ask}>
        <label>${t('poll.question')}
          <input type="text" data-testid="poll-form-question" maxlength=${POLL_LIMITS.question} required
            .value=${live(this.draftQuestion)} @input=${(e) => { this.draftQuestion = e.target.value; }}></label>
        <ol class="poll-form-options">
          ${options.map((value, i) => html`
            <li>
              <label>${t('poll.option', { n: i + 1 })}
                <input type="text" data-testid="poll-form-option-${i}" maxlength=${POLL_LIMITS.option} required
                  .value=${live(value)} @input=${(e) => this.#setOption(i, e.target.value)}></label>
              ${options.length > POLL_LIMITS.minOptions ? html`
                <button type="button" class="link" data-testid="poll-form-remove-${i}" @click=${() => this.#removeOption(i)}>
                  ${t('poll.removeOption')}<span class="visually-hidden"> ${i + 1}</span></button>` : ''}
            </li>`)}
        </ol>
        ${options.length < POLL_LIMITS.maxOptions ? html`
          <button type="button" class="add" data-testid="poll-form-add-option" @click=${this.#addOption}>+ ${t('poll.addOption')}</button>` : ''}
        ${filled.length !== new Set(filled).size ? html`<p class="error" role="alert">${t('poll.sameOptions')}</p>` : ''}
        <button type="submit" class="primary" data-testid="poll-form-ask" ?disabled=${!valid}>${t('poll.askButton')}</button>
      </form>`;
  }

  #setOption(i, value) {
    // One option is one line: a pasted line break would make two.
    this.draftOptions = this.draftOptions.map((o, j) => (j === i ? value.replace(/[\r\n\t]+/g, ' ') : o));
  }

  #addOption() {
    this.draftOptions = [...this.draftOptions, ''];
    this.updateComplete.then(() => this.querySelector(`[data-testid=poll-form-option-${this.draftOptions.length - 1}]`)?.focus());
  }

  #removeOption(i) {
    this.draftOptions = this.draftOptions.filter((_, j) => j !== i);
  }

  #ask(event) {
    event.preventDefault();
    const options = this.draftOptions.map((o) => o.trim());
    this.client.create('poll', {
      question: this.draftQuestion.trim(),
      options: options.join('\n'),
      order: orderAtEnd(orderedEntities(this.client.state, 'poll')),
      open: true,
    });
    this.draftQuestion = '';
    this.draftOptions = ['', ''];
  }

  #choose(pollId, answerId, mine, choice) {
    if (mine) this.client.set(answerId, 'choice', choice);
    else this.client.submit([{ type: 'create', id: answerId, kind: 'pollAnswer', fields: { poll: pollId, choice } }]);
  }
}
customElements.define('aan-polls-section', PollsSection);
