// The big screen in the room: a display, not a form. Large type read from the back of the room,
// the whole screen and no more (lists page through themselves), following the meeting's phase;
// in the agenda the current item and its timer large. The QR code for joining shows while people
// join (prepare, check-in) and whenever the facilitator puts it up (board field showJoinCode).
import { html } from 'lit';
import { BoardSection } from './light-element.js';
import { meetingPhase } from './meeting-phases.js';
import { projectorPhase } from './projector-phases.js';
import './join-qr.js';
import { t } from '../i18n.js';

const JOINING = new Set(['prepare', 'checkin']);

export function joinCodeShown(board) {
  const phase = meetingPhase(board);
  return phase !== 'closed' && (JOINING.has(phase) || Boolean(board.showJoinCode));
}

export class ProjectorView extends BoardSection {
  static properties = { boardId: {}, token: {}, joinToken: {} };

  render() {
    const board = this.client.state.board;
    const phase = meetingPhase(board);
    const qr = joinCodeShown(board) && this.joinToken;
    return html`
      <div class="display ${qr ? 'with-qr' : ''}" data-testid="projector-view" data-phase=${phase}>
        <header class="projector-head">
          <h1 data-testid="projector-title">${board.title || t('appName')}</h1>
          <p class="projector-phase" data-testid="projector-phase" data-phase=${phase}>${t(`phases.${phase}`)}</p>
        </header>
        <div class="projector-body">${projectorPhase(phase, this.client)}</div>
        ${qr ? html`<aan-join-qr class="display-qr" .boardId=${this.boardId} .token=${this.token}
          .joinToken=${this.joinToken}></aan-join-qr>` : ''}
      </div>`;
  }
}
customElements.define('aan-projector-view', ProjectorView);
