// What each phase of the meeting shows. Every participant sees the same sections; the
// facilitator gets extra controls inside them, never sections of their own.
import { html } from 'lit';
import './prepare-section.js';
import './checkin-section.js';
import './goal-section.js';
import './agenda-section.js';
import './questions-section.js';
import './agreements-section.js';
import './actions-section.js';
import './follow-up-section.js';
import './goal-check-section.js';
import './evaluation-section.js';
import './record-section.js';
import './next-meeting-section.js';
import './delete-board.js';
import { hasOpenPoll } from './polls-section.js';
import { t } from '../i18n.js';

export function phaseSections(phase, client) {
  return html`${pollsFirst(phase, client)}${sections(phase, client)}`;
}

// Live polls: in the webinar the facilitator asks them right above the agenda; in other meetings the
// form waits, folded, below it. While a poll is open, everyone sees it on top, whatever the phase.
function pollsFirst(phase, client) {
  const webinar = client.state.board.template === 'webinar';
  const onTop = phase !== 'closed' && ((phase === 'agenda' && webinar) || hasOpenPoll(client.state));
  return onTop ? html`<aan-polls-section .client=${client} ?prominent=${webinar}></aan-polls-section>` : '';
}

function sections(phase, client) {
  const webinar = client.state.board.template === 'webinar';
  const openPoll = hasOpenPoll(client.state);
  switch (phase) {
    case 'prepare':
      // Webinar listeners may send in their questions beforehand.
      return html`<aan-prepare-section .client=${client}></aan-prepare-section>
        ${webinar ? html`<aan-questions-section .client=${client}></aan-questions-section>` : ''}`;
    case 'checkin':
      return html`<aan-checkin-section .client=${client}></aan-checkin-section>`;
    case 'goal':
      return html`<aan-goal-section .client=${client}></aan-goal-section>`;
    case 'agenda':
      // A webinar's listener sees what they listen to: the item being discussed, the goal, the questions.
      return html`<aan-agenda-section .client=${client} meeting></aan-agenda-section>
        ${webinar && !client.isFacilitator && client.state.board.goal ? html`
          <section class="card" aria-labelledby="listener-goal-heading">
            <h2 id="listener-goal-heading">${t('goalQuestion')}</h2>
            <p class="shown-text" data-testid="listener-goal">${client.state.board.goal}</p>
          </section>` : ''}
        ${webinar ? html`<aan-questions-section .client=${client}></aan-questions-section>` : ''}
        ${webinar || openPoll ? '' : html`<aan-polls-section .client=${client}></aan-polls-section>`}`;
    case 'agreements':
      return agreements(client);
    case 'lookback':
      return html`<aan-goal-check-section .client=${client}></aan-goal-check-section>
        <aan-evaluation-section .client=${client}></aan-evaluation-section>`;
    default:
      return html`<p class="notice" data-testid="meeting-closed">${t('meetingClosed')}</p>
        <aan-record-section .client=${client}></aan-record-section>
        <aan-next-meeting-section .client=${client}></aan-next-meeting-section>
        ${agreements(client)}
        <aan-goal-check-section .client=${client}></aan-goal-check-section>
        <aan-polls-section .client=${client}></aan-polls-section>
        <aan-delete-board .client=${client}></aan-delete-board>`;
  }
}

function agreements(client) {
  return html`<aan-agreements-section .client=${client}></aan-agreements-section>
    <aan-actions-section .client=${client}></aan-actions-section>
    <aan-follow-up-section .client=${client}></aan-follow-up-section>`;
}
