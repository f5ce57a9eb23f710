// The steps of the meeting. Everyone's screen follows the phase the facilitator sets; anyone
// may look at another step and come back with one button. Only the facilitator moves the meeting.
import { html } from 'lit';
import { BoardSection } from './light-element.js';
import { meetingPhase, phasesOf } from './meeting-phases.js';
import { t } from '../i18n.js';
import { closeMeeting, reopenMeeting } from '../sync/meeting-api.js';

export class PhaseNav extends BoardSection {
  static properties = { viewing: {}, movedOn: { type: Boolean } };

  render() {
    const board = this.client.state.board;
    const phases = phasesOf(board);
    const meeting = meetingPhase(board);
    const viewing = this.viewing ?? meeting;
    const next = phases[phases.indexOf(meeting) + 1];
    // Moving the meeting is the facilitator's, also to reopen a closed one.
    const facilitator = this.client.isFacilitator;
    return html`
      <nav class="phase-nav" aria-label=${t('phasesLabel')} data-testid="phase-nav" data-meeting-phase=${meeting}
        data-viewing=${viewing}>
        <ol>
          ${phases.map((phase) => html`
            <li class=${[phase === meeting ? 'meeting' : '', phase === viewing ? 'viewing' : ''].join(' ')}>
              <button type="button" data-testid="phase-tab-${phase}" aria-current=${phase === viewing ? 'page' : 'false'}
                @click=${() => this.#view(phase === meeting ? null : phase)}>
                ${t(`phases.${phase}`)}${phase === meeting ? html` <span class="now-badge">${t('phaseNow')}</span>` : ''}
              </button>
            </li>`)}
        </ol>
      </nav>
      ${viewing !== meeting ? html`
        <div class="notice looking-around" data-testid="looking-around" data-moved-on=${String(Boolean(this.movedOn))}>
          <p>${this.movedOn ? t('movedOnWhileTyping', { meeting: t(`phases.${meeting}`) })
            : t('lookingAround', { phase: t(`phases.${viewing}`), meeting: t(`phases.${meeting}`) })}</p>
          <div class="button-row">
            <button type="button" class="primary" data-testid="back-to-meeting" @click=${() => this.#view(null)}>
              ${t('backToMeeting')}</button>
            ${facilitator ? html`
              <button type="button" data-testid="move-meeting-here" @click=${() => this.#move(viewing)}>
                ${t('moveMeetingHere', { phase: t(`phases.${viewing}`) })}</button>` : ''}
          </div>
        </div>` : ''}
      ${viewing === meeting && facilitator && next ? html`
        <div class="button-row facilitator-bar">
          <button type="button" class="primary" data-testid="next-phase" @click=${() => this.#move(next)}>
            ${t('nextPhase', { phase: t(`phases.${next}`) })} →</button>
        </div>` : ''}`;
  }

  // On a phone the row of phases scrolls sideways; keep the one shown in sight. Only the row
  // scrolls (never the page), and only when the phase shown changed.
  updated(changed) {
    super.updated(changed);
    const row = this.querySelector('ol');
    this.#watchEdges(row);
    const shown = this.querySelector('[aria-current="page"]');
    if (!row || !shown || shown === this.lastShown) return;
    this.lastShown = shown;
    const rowBox = row.getBoundingClientRect();
    const box = shown.getBoundingClientRect();
    if (box.left < rowBox.left || box.right > rowBox.right) row.scrollLeft += box.left - rowBox.left - 32;
    this.#edges();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.row?.removeEventListener('scroll', this.onScroll);
    this.row = null;
  }

  // A fade shows on the side where more steps are hidden, so the row is seen to scroll.
  #watchEdges(row) {
    if (!row || row === this.row) return;
    this.row?.removeEventListener('scroll', this.onScroll);
    this.resizeObserver?.disconnect();
    this.row = row;
    this.onScroll ??= () => this.#edges();
    row.addEventListener('scroll', this.onScroll, { passive: true });
    this.resizeObserver = new ResizeObserver(this.onScroll);
    this.resizeObserver.observe(row);
    this.#edges();
  }

  #edges() {
    const row = this.row;
    const nav = this.querySelector('nav');
    if (!row || !nav) return;
    const before = row.scrollLeft > 1;
    const after = row.scrollLeft + row.clientWidth < row.scrollWidth - 1;
    nav.classList.toggle('more-before', before);
    nav.classList.toggle('more-after', after);
    nav.dataset.scrolls = String(row.scrollWidth > row.clientWidth);
  }

  #view(phase) {
    this.dispatchEvent(new CustomEvent('view', { detail: { phase } }));
  }

  async #move(phase) {
    this.#view(null);
    if (phase === 'closed') {
      // Closing stores the record everyone receives: one more look first.
      if (globalThis.confirm(t('confirmClose'))) await closeMeeting(this.client);
      return;
    }
    if (meetingPhase(this.client.state.board) === 'closed') {
      // Reopening resumes at the look back; going anywhere else is one more ordinary step.
      if (!await reopenMeeting(this.client)) return;
      if (phase === 'lookback') return;
    }
    this.client.set('board', 'phase', phase);
  }
}
customElements.define('aan-phase-nav', PhaseNav);
