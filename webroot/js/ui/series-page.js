// The series page: the meetings of a series with links to their records, and three small charts
// in plain HTML and CSS (no chart service): goal checks per side of the table, what became of the
// actions, and which praatplaat topics were evaluated. Every bar also says its numbers in words.
import { html } from 'lit';
import { LightElement } from './light-element.js';
import { flexGrow } from './flex-grow.js';
import { longDate, roleLabel, t } from '../i18n.js';
import './language-switch.js';
import { readerFragment, readerFromHash, readerHeaders } from '../sync/reader.js';
import { SERIES_OUTCOMES as OUTCOMES, SIDES, TOPICS, VERDICTS } from '../board/choices.js';

export class SeriesPage extends LightElement {
  static properties = { report: { state: true }, failure: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    [, this.boardId] = location.pathname.match(/^\/b\/([^/]+)\/series$/) ?? [];
    this.reader = readerFromHash(location.hash, this.boardId);
    this.#load();
  }

  async #load() {
    const response = await fetch(`/api/boards/${encodeURIComponent(this.boardId)}/series`, {
      headers: readerHeaders(this.reader),
    }).catch(() => null);
    if (!response?.ok) {
      this.failure = response?.status ?? 0;
      return;
    }
    this.report = await response.json();
  }

  render() {
    return html`
      <header class="series-header">
        <h1>${t('series.title')}</h1>
        <aan-language-switch></aan-language-switch>
      </header>
      <main id="main" class="series-page" data-testid="series-page">
        ${this.failure !== undefined
          ? html`<p role="alert">${t('series.cannotOpen', { code: this.failure })}</p>`
          : this.report ? this.#content(this.report) : html`<p role="status">…</p>`}
      </main>`;
  }

  #content(report) {
    const closed = report.meetings.filter((m) => m.version > 0);
    return html`
      ${this.#meetings(report)}
      ${closed.length === 0 ? html`<p class="empty" data-testid="series-none">${t('series.none')}</p>` : html`
        ${this.#goal(report, closed)}
        ${this.#actions(report, closed)}
        ${this.#evaluation(report, closed)}`}`;
  }

  #meetings(report) {
    const record = (m) => `/b/${encodeURIComponent(m.boardId)}/record/${m.version}#${readerFragment(this.reader)}`;
    return html`
      <section class="card" aria-labelledby="series-meetings">
        <h2 id="series-meetings">${t('series.meetings')}</h2>
        <ol class="series-meetings">
          ${report.meetings.map((m) => html`
            <li data-testid="series-meeting" data-seq=${m.seq}>
              <strong>${t('series.meeting', { n: m.seq })}</strong> · ${m.title}
              ${m.version > 0
                ? html` · ${longDate(m.date)} · <a href=${record(m)} data-testid="series-record-${m.seq}">${t('series.readRecord')}</a>`
                : html` · <span class="muted">${t('series.notClosed')}</span>`}
              ${m.boardId === this.reader.home ? html` <a href=${`/b/${encodeURIComponent(m.boardId)}#${this.reader.token}`}>${t('series.back')}</a>` : ''}
            </li>`)}
        </ol>
      </section>`;
  }

  #goal(report, closed) {
    const totals = report.goalTotals;
    // Only the sides that checked the goal at all: four columns do not fit a phone.
    const sides = SIDES.filter((side) => total(totals[side], VERDICTS) > 0);
    return html`
      <section class="card" aria-labelledby="series-goal" data-testid="series-goal">
        <h2 id="series-goal">${t('series.goalHeading')}</h2>
        <p>${t('series.goalExplain')}</p>
        <ul class="series-totals">
          ${sides.map((side) => html`
            <li data-testid="goal-total-${side}">${t('series.goalTotal', {
              side: t(`sides.${side}`), met: totals[side].met, total: total(totals[side], VERDICTS) })}</li>`)}
        </ul>
        <h3>${t('series.perRole')}</h3>
        <ul class="series-totals">
          ${Object.entries(report.goalByRole ?? {}).map(([role, counts]) => html`
            <li data-testid="goal-role-${role}">${t('series.goalTotal', {
              side: roleLabel(role), met: counts.met, total: total(counts, VERDICTS) })}</li>`)}
        </ul>
        <div class="table-scroll" tabindex="0">
        <table class="series-chart">
          <thead><tr><th scope="col">${t('series.meetings')}</th>
            ${sides.map((side) => html`<th scope="col">${t(`sides.${side}`)}</th>`)}</tr></thead>
          <tbody>
            ${closed.map((m) => html`<tr>
              <th scope="row">${t('series.meeting', { n: m.seq })}</th>
              ${sides.map((side) => html`<td data-testid="goal-${m.seq}-${side}">
                ${bar(report.goalBySide[m.seq][side], VERDICTS, (v) => t(`verdicts.${v}`))}</td>`)}
            </tr>`)}
          </tbody>
        </table></div>
      </section>`;
  }

  #actions(report, closed) {
    const totals = report.actionTotals;
    return html`
      <section class="card" aria-labelledby="series-actions" data-testid="series-actions">
        <h2 id="series-actions">${t('series.actionsHeading')}</h2>
        <p>${t('series.actionsExplain')}</p>
        <p data-testid="actions-total">${t('series.actionsTotal', totals)}</p>
        <div class="table-scroll" tabindex="0">
        <table class="series-chart">
          <thead><tr><th scope="col">${t('series.meetings')}</th><th scope="col">${t('series.actionsColumn')}</th></tr></thead>
          <tbody>
            ${closed.map((m) => html`<tr>
              <th scope="row">${t('series.meeting', { n: m.seq })}</th>
              <td data-testid="actions-${m.seq}">${bar(report.actions[m.seq], OUTCOMES, (o) => t(`series.outcomes.${o}`))}</td>
            </tr>`)}
          </tbody>
        </table></div>
      </section>`;
  }

  #evaluation(report, closed) {
    const evaluated = closed.some((m) => (report.evaluatedTopics[m.seq] ?? []).length > 0);
    if (!evaluated) {
      return html`
        <section class="card" aria-labelledby="series-evaluation" data-testid="series-evaluation">
          <h2 id="series-evaluation">${t('series.evaluationHeading')}</h2>
          <p class="empty">${t('series.noEvaluation')}</p>
        </section>`;
    }
    return html`
      <section class="card" aria-labelledby="series-evaluation" data-testid="series-evaluation">
        <h2 id="series-evaluation">${t('series.evaluationHeading')}</h2>
        <p>${t('series.evaluationExplain')}</p>
        <div class="table-scroll" tabindex="0">
        <table class="series-chart series-topics">
          <thead><tr><th scope="col">${t('evaluationHeading')}</th>
            ${closed.map((m) => html`<th scope="col">${t('series.meeting', { n: m.seq })}</th>`)}</tr></thead>
          <tbody>
            ${TOPICS.map((topic) => html`<tr>
              <th scope="row">${t(`topics.${topic}`)}</th>
              ${closed.map((m) => (report.evaluatedTopics[m.seq] ?? []).includes(topic)
                ? html`<td data-testid="topic-${m.seq}-${topic}"><span aria-hidden="true">✓</span><span class="visually-hidden">${t('series.discussed')}</span></td>`
                : html`<td><span class="visually-hidden">${t('series.nothing')}</span></td>`)}
            </tr>`)}
          </tbody>
        </table></div>
      </section>`;
  }
}

function total(counts, keys) {
  return keys.reduce((sum, key) => sum + (counts?.[key] ?? 0), 0);
}

/** A stacked bar with its numbers in words next to it; an empty cell when there is nothing. */
function bar(counts, keys, label) {
  const sum = total(counts, keys);
  if (sum === 0) return html`<span class="muted">${t('series.nothing')}</span>`;
  return html`
    <span class="bar" aria-hidden="true">
      ${keys.filter((key) => counts[key] > 0).map((key) => html`
        <span class="bar-part bar-${key}" ${flexGrow(counts[key])}></span>`)}
    </span>
    <span class="bar-words">${keys.filter((key) => counts[key] > 0)
      .map((key) => `${counts[key]} ${label(key)}`).join(', ')}</span>`;
}
customElements.define('aan-series-page', SeriesPage);
