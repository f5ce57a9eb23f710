// What the big screen shows in each phase: a display, not a form. Only text, no controls; large
// type; every list in an <aan-auto-pager> that pages through itself when it does not fit.
// Values a test or reader needs in machine form (ids, dates, statuses) are in <data value=...>.
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { orderedEntities } from './ordered-entities.js';
import { personName } from './people.js';
import { agendaBalance } from '../board/meeting-rules.js';
import { BALANCE_SIDES as SIDES, TOPICS, VERDICTS } from '../board/choices.js';
import { questionVisible, sortQuestions, voteCounts } from '../board/questions.js';
import { longDate, roleLabel, t } from '../i18n.js';
import './agenda-timer.js';
import './auto-pager.js';
import { pollBars } from './poll-bars.js';

export function projectorPhase(phase, client) {
  // An open poll takes the whole screen, whatever the phase: the room answers it now.
  const open = phase === 'closed' ? null : openPoll(client);
  if (open) return html`<div class="display-grid display-one">${pollPanel(client, open)}</div>`;
  switch (phase) {
    case 'prepare': return prepare(client);
    case 'checkin': return checkin(client);
    case 'goal': return goal(client);
    case 'agenda': return agenda(client);
    case 'agreements': return agreements(client);
    case 'lookback': return lookback(client);
    default: return closed(client);
  }
}

const live = (state, kind) => Object.entries(state.entities)
  .filter(([, e]) => e.kind === kind && !e.deleted)
  .map(([id, e]) => ({ id, ...e }));

function panel(heading, content, extraClass = '') {
  return html`
    <section class="display-panel ${extraClass}">
      <h2>${heading}</h2>
      <aan-auto-pager class="display-pager">${content}</aan-auto-pager>
    </section>`;
}

// The room sees the questions everyone may see, most votes first; the one being answered is shown large.
function webinarQuestions(client) {
  if (client.state.board.template !== 'webinar') return '';
  const counts = voteCounts(client.state);
  const currentId = client.state.board.currentQuestion ?? null;
  const open = sortQuestions(orderedEntities(client.state, 'question')
    .filter((q) => questionVisible(q) && !q.answered && q.id !== currentId)
    .map((q) => ({ ...q, votes: counts.get(q.id) ?? 0 })), 'votes');
  return panel(t('questionsHeading'), html`
    <ol class="display-list">${repeat(open, (q) => q.id, (q) => html`
      <li data-testid="question-row" data-id=${q.id} data-votes=${q.votes}>
        <span data-testid="question-text">${q.text || t('untitled')}</span>
        <span class="display-meta"><data class="badge" data-testid="question-votes" value=${q.votes}>${t('questionVotes', { n: q.votes })}</data></span>
      </li>`)}</ol>`);
}

/** Above the grid, across the screen: the question being answered, large. */
function currentQuestion(client) {
  if (client.state.board.template !== 'webinar') return '';
  const counts = voteCounts(client.state);
  const id = client.state.board.currentQuestion ?? null;
  const q = id ? client.state.entities[id] : null;
  if (!q || q.kind !== 'question' || !questionVisible(q)) return '';
  return html`
    <section class="display-panel display-current-question" data-testid="projector-current-question" data-id=${id}>
      <p class="current-badge">${t('questionNowAnswering')}</p>
      <p class="projector-question-text" data-testid="projector-current-question-text">${q.text || t('untitled')}</p>
      <p class="display-meta">${q.proposedByName ? html`<span>${q.proposedByName}</span>` : ''}
        <span class="badge">${t('questionVotes', { n: counts.get(id) ?? 0 })}</span></p>
    </section>`;
}

function prepare(client) {
  const board = client.state.board;
  const counts = agendaBalance(client.state);
  return html`
    ${currentQuestion(client)}
    <div class="display-grid">
      <section class="display-panel display-facts">
        ${board.scheduledAt ? html`<p class="display-when" data-testid="display-scheduled-at">
          ${longDate(board.scheduledAt.slice(0, 10))} ${board.scheduledAt.slice(11, 16)}</p>` : ''}
        <p>${t('display.prepareIntro')}</p>
        <h2 id="display-balance-heading">${t('balanceHeading')}</h2>
        <ul class="display-balance" aria-labelledby="display-balance-heading">
          ${SIDES.map((side) => html`<li data-testid="balance-${side}" data-count=${counts[side] ?? 0}>
            <span class="swatch side-${side}" aria-hidden="true"></span>
            ${t(`sides.${side}`)}: ${t('balanceCount', { n: counts[side] ?? 0 })}</li>`)}
        </ul>
        ${board.agendaFrozen ? html`<p class="notice" data-testid="agenda-frozen-notice">${t('agendaFrozen')}</p>` : ''}
      </section>
      ${agendaPanel(client, false)}
      ${webinarQuestions(client)}
    </div>`;
}

function agendaPanel(client, meeting) {
  const items = orderedEntities(client.state, 'agendaItem');
  const currentId = client.state.board.currentItem ?? null;
  return panel(t('agendaHeading'), items.length === 0
    ? html`<p class="empty">${t('agendaEmpty')}</p>`
    : html`<ol class="display-list display-agenda" data-testid="agenda-list">
      ${repeat(items, (item) => item.id, (item) => {
        const current = meeting && item.id === currentId;
        const status = item.status ?? 'open';
        return html`
          <li class="status-${status} ${current ? 'current' : ''}" data-testid="agenda-item" data-id=${item.id}
            data-current=${String(current)} data-late=${String(Boolean(item.late))} data-status=${status}>
            <span class="display-item-title" data-testid="agenda-item-title">${item.title || t('untitled')}</span>
            <span class="display-meta">
              ${item.proposedByName ? html`<span>${item.proposedByName}</span>` : ''}
              ${item.late ? html`<span class="badge late" data-testid="agenda-item-late">${t('lateBadge')}</span>` : ''}
              <data data-testid="agenda-item-timebox-summary" value=${item.timeboxMinutes ?? ''}>${item.timeboxMinutes
                ? t('display.minutes', { n: item.timeboxMinutes }) : ''}</data>
              ${meeting ? html`<span class="badge status-badge">${current ? t('currentBadge') : t(`agendaStatus.${status}`)}</span>` : ''}
            </span>
          </li>`;
      })}</ol>`, 'display-agenda-panel');
}

function checkin(client) {
  const cards = live(client.state, 'checkin');
  return html`<div class="display-grid display-one">${panel(t('checkinHeading'), cards.length === 0
    ? html`<p class="empty">${t('checkinEmpty')}</p>`
    : html`<ul class="display-cards">${repeat(cards, (c) => c.id, (c) => html`
      <li class="checkin-card" data-testid="checkin-card" data-id=${c.id} data-participant-id=${c.participantId ?? ''}>
        <p class="person-name">${c.name ?? ''} <span class="muted">${roleLabel(c.role)}</span></p>
        <p class="display-text" data-testid="checkin-text">${c.text ?? ''}</p>
      </li>`)}</ul>`)}</div>`;
}

function goal(client) {
  const text = client.state.board.goal ?? '';
  return html`<div class="display-grid display-one">${panel(t('goalQuestion'), html`
    <div><p class="display-goal" data-testid="goal">${text}</p>
    ${text ? '' : html`<p class="empty">${t('display.goalEmpty')}</p>`}</div>`)}</div>`;
}

function agenda(client) {
  const board = client.state.board;
  const current = board.currentItem ? client.state.entities[board.currentItem] : null;
  return html`
    ${currentQuestion(client)}
    <div class="display-grid display-agenda-grid">
      <section class="display-panel display-current" data-testid="projector-current-item">
        ${current && !current.deleted ? html`
          <p class="current-badge">${t('currentBadge')}</p>
          <p class="projector-item-title">${current.title || t('untitled')}</p>
          <aan-agenda-timer .client=${client} .item=${{ id: board.currentItem, ...current }}></aan-agenda-timer>
          ${current.notes ? html`<aan-auto-pager class="display-pager">
            <p class="display-text" data-testid="projector-current-notes">${current.notes}</p></aan-auto-pager>` : ''}`
          : html`<p class="projector-item-title">${t('noCurrentItem')}</p>`}
      </section>
      ${agendaPanel(client, true)}
      ${webinarQuestions(client)}
      ${lastPoll(client)}
    </div>`;
}

function openPoll(client) {
  return orderedEntities(client.state, 'poll').filter((p) => p.open === true).at(-1) ?? null;
}

// After it closes, the newest poll's result stays up during the agenda.
function lastPoll(client) {
  const asked = orderedEntities(client.state, 'poll').filter((p) => p.opened).at(-1);
  return asked ? pollPanel(client, asked) : '';
}

function pollPanel(client, poll) {
  return html`
    <section class="display-panel display-poll" data-testid="projector-poll" data-id=${poll.id}
      data-open=${String(poll.open === true)}>
      <h2>${poll.open ? t('poll.heading') : t('poll.result')}</h2>
      <p class="display-poll-question" data-testid="poll-question">${poll.question}</p>
      <aan-auto-pager class="display-pager"><div>${pollBars(client.state, poll.id)}</div></aan-auto-pager>
    </section>`;
}

function stanceList(client, stance) {
  const items = orderedEntities(client.state, 'agreement').filter((a) => (a.stance ?? 'agree') === stance);
  return panel(t(stance === 'agree' ? 'agreeHeading' : 'disagreeHeading'), items.length === 0
    ? html`<p class="empty">${t('listEmpty')}</p>`
    : html`<ol class="display-list">${repeat(items, (a) => a.id, (a) => html`
      <li data-testid="agreement-row" data-id=${a.id} data-stance=${stance}>
        <span data-testid="agreement-text">${a.text ?? ''}</span></li>`)}</ol>`, `stance-${stance}`);
}

function actionsAndFollowUp(client) {
  const actions = orderedEntities(client.state, 'action');
  const board = client.state.board;
  const lead = board.leadParticipantId ? personName(client, board.leadParticipantId) : board.lead;
  return panel(t('actionsHeading'), html`
    <ol class="display-list">
      ${repeat(actions, (a) => a.id, (a) => html`
        <li data-testid="action-row" data-id=${a.id} class="status-${a.status ?? 'open'}">
          <span data-testid="action-what">${a.what ?? ''}</span>
          <span class="display-meta">
            <data data-testid="action-who-participant" value=${a.whoParticipantId ?? ''}>${a.whoParticipantId
              ? personName(client, a.whoParticipantId) : (a.who ?? '')}</data>
            <data data-testid="action-due" value=${a.due ?? ''}>${a.due ? longDate(a.due) : ''}</data>
            <data class="badge" data-testid="action-status" value=${a.status ?? 'open'}>${t(`actionStatus.${a.status ?? 'open'}`)}</data>
          </span>
        </li>`)}
      <li class="display-follow-up" data-testid="follow-up">
        <span>${t('display.lead')}: <data data-testid="lead-participant" value=${board.leadParticipantId ?? ''}>${lead || t('nobody')}</data></span>
        <span>${t('display.evaluationDate')}: <data data-testid="evaluation-date" value=${board.evaluationDate ?? ''}>${board.evaluationDate
          ? longDate(board.evaluationDate) : '—'}</data></span>
      </li>
    </ol>`);
}

function agreements(client) {
  return html`<div class="display-grid display-three">
    ${stanceList(client, 'agree')}${stanceList(client, 'disagree')}${actionsAndFollowUp(client)}</div>`;
}

function goalResults(client) {
  const checks = live(client.state, 'goalCheck');
  return panel(t('lookbackGoalHeading'), html`
    <div>
      <blockquote class="goal-quote" data-testid="goal-quote">${client.state.board.goal || t('noGoal')}</blockquote>
      <p class="verdict-counts">${VERDICTS.map((v) => {
        const n = checks.filter((c) => c.verdict === v).length;
        return html`<span class="badge verdict-${v}" data-testid="goal-check-count-${v}" data-count=${n}>${t(`verdicts.${v}`)}: ${n}</span> `;
      })}</p>
      <ul class="display-list">${repeat(checks, (c) => c.id, (c) => html`
        <li data-testid="goal-check-result" data-id=${c.id} data-verdict=${c.verdict ?? ''}>
          <span class="person-name">${c.name ?? ''}</span>:
          <strong>${c.verdict ? t(`verdicts.${c.verdict}`) : ''}</strong>
          ${c.comment ? html`<p class="comment">${c.comment}</p>` : ''}</li>`)}</ul>
    </div>`);
}

function lookback(client) {
  const cards = live(client.state, 'evaluation').sort((a, b) => TOPICS.indexOf(a.topic) - TOPICS.indexOf(b.topic));
  return html`<div class="display-grid">
    ${goalResults(client)}
    ${panel(t('evaluationHeading'), cards.length === 0 ? html`<p class="empty">${t('evaluationEmpty')}</p>` : html`
      <ul class="display-cards">${repeat(cards, (c) => c.id, (c) => html`
        <li class="evaluation-card" data-testid="evaluation-card" data-id=${c.id} data-topic=${c.topic}
          data-assigned-to=${c.assignedTo ?? ''}>
          <h3>${t(`topics.${c.topic}`)}</h3>
          <p class="muted">${t('evaluationFor', { name: c.assignedTo ? personName(client, c.assignedTo) : t('nobody') })}</p>
          <dl>
            <dt>${t('howIsIt')}</dt><dd data-testid="evaluation-how">${c.howIsIt ?? ''}</dd>
            <dt>${t('goodAt')}</dt><dd data-testid="evaluation-good">${c.goodAt ?? ''}</dd>
            <dt>${t('couldBetter')}</dt><dd data-testid="evaluation-better">${c.couldBetter ?? ''}</dd>
          </dl>
        </li>`)}</ul>`)}
  </div>`;
}

function closed(client) {
  return html`
    <p class="notice" data-testid="meeting-closed">${t('display.closed')}</p>
    <div class="display-grid display-four">
      ${stanceList(client, 'agree')}${stanceList(client, 'disagree')}${actionsAndFollowUp(client)}${goalResults(client)}
    </div>`;
}
