// After closing: the facilitator plans the next meeting of the series, which starts from what
// was left open here; everyone can see how the series is going.
import { html } from 'lit';
import { BoardSection } from './light-element.js';
import { t } from '../i18n.js';
import { planNextMeeting } from '../sync/meeting-api.js';
import './copy-link.js';

export class NextMeetingSection extends BoardSection {
  static properties = { planned: { state: true }, busy: { state: true } };

  render() {
    const series = `/b/${encodeURIComponent(this.client.boardId)}/series#${this.client.token}`;
    return html`
      <section class="card" aria-labelledby="next-meeting-heading" data-testid="next-meeting-section">
        <h2 id="next-meeting-heading">${t('nextMeetingHeading')}</h2>
        <p><a href=${series} data-testid="series-link">${t('seriesLink')}</a></p>
        ${this.client.isFacilitator ? this.#planner() : ''}
      </section>`;
  }

  #planner() {
    if (this.planned) {
      return html`
        <p role="status" data-testid="next-meeting-planned">${t('nextMeetingPlanned')}</p>
        <p><a href=${this.planned.links.facilitator} data-testid="next-meeting-open">${t('nextMeetingOpen')}</a></p>
        <aan-copy-link .url=${this.planned.links.participant} who=${t('nextMeetingShare')}></aan-copy-link>`;
    }
    return html`
      <p>${t('nextMeetingExplain')}</p>
      <label class="field-label" for="next-meeting-when">${t('nextMeetingWhen')}</label>
      <input id="next-meeting-when" type="datetime-local" data-testid="next-meeting-when">
      <div class="button-row">
        <button type="button" data-testid="next-meeting-plan" ?disabled=${this.busy}
          @click=${this.#plan}>${t('nextMeetingPlan')}</button>
      </div>`;
  }

  async #plan() {
    this.busy = true;
    // datetime-local gives YYYY-MM-DDTHH:MM, or with seconds on some browsers: the board keeps minutes.
    const when = this.querySelector('#next-meeting-when').value.slice(0, 16);
    try {
      this.planned = await planNextMeeting(this.client, when) ?? undefined;
    } finally {
      this.busy = false;
    }
  }
}
customElements.define('aan-next-meeting-section', NextMeetingSection);
