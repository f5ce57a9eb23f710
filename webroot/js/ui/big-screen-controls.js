// The facilitator puts the meeting on the big screen from the board: this page's own link opens
// as a display in a new tab (?display: the same facilitator session, shown read-only, large, no
// controls), to drag onto the projector. The join code shows there while people join (prepare,
// check-in); at other times the facilitator puts it up and takes it down (board field showJoinCode,
// so a projector link on another computer follows too).
import { html } from 'lit';
import { BoardSection } from './light-element.js';
import { meetingPhase } from './meeting-phases.js';
import { t } from '../i18n.js';

export function displayUrl() {
  // The fragment is the link only: a seat (after '~') stays out of it.
  return `${location.pathname}?display${location.hash.split('~')[0]}`;
}

export class BigScreenControls extends BoardSection {
  render() {
    const board = this.client.state.board;
    const phase = meetingPhase(board);
    const joining = phase === 'prepare' || phase === 'checkin';
    const shown = Boolean(board.showJoinCode);
    return html`
      <section class="card big-screen" aria-labelledby="big-screen-heading" data-testid="big-screen">
        <h2 id="big-screen-heading">${t('bigScreen.heading')}</h2>
        <p><a href=${displayUrl()} target="_blank" rel="noopener" data-testid="open-big-screen"
          aria-describedby="big-screen-help">${t('bigScreen.open')}</a></p>
        <p class="visually-hidden" id="big-screen-help">${t('bigScreen.help')}</p>
        ${phase === 'closed' ? '' : html`
          <button type="button" data-testid="show-join-code" aria-pressed=${String(shown || joining)} ?disabled=${joining || this.readOnly}
            aria-describedby="join-code-help" @click=${() => this.client.set('board', 'showJoinCode', !shown)}>
            ${t('bigScreen.showJoinCode')}</button>
          <p class="muted" id="join-code-help">${t(joining ? 'bigScreen.joinCodeWhileJoining' : 'bigScreen.joinCodeHelp')}</p>`}
      </section>`;
  }
}
customElements.define('aan-big-screen-controls', BigScreenControls);
