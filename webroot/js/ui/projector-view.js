// The big screen in the room: read-only, large type readable from the back, following the
// meeting's phase and current item, with the timer and a QR code for joining.
import { html } from 'lit';
import { BoardSection } from './light-element.js';
import { meetingPhase } from './meeting-phases.js';
import { phaseSections } from './phase-sections.js';
import './agenda-timer.js';
import './join-qr.js';
import { t } from '../i18n.js';

export class ProjectorView extends BoardSection {
  static properties = { boardId: {}, token: {}, joinToken: {} };

  render() {
    const board = this.client.state.board;
    const phase = meetingPhase(board);
    const currentId = board.currentItem;
    const current = currentId ? this.client.state.entities[currentId] : null;
    return html`
      <div class="projector-head">
        <div>
          <h1 data-testid="projector-title">${board.title || t('appName')}</h1>
          <p class="projector-phase" data-testid="projector-phase" data-phase=${phase}>${t(`phases.${phase}`)}</p>
          ${phase === 'agenda' ? html`
            <div class="projector-current" data-testid="projector-current-item">
              ${current && !current.deleted ? html`
                <p class="current-badge">${t('currentBadge')}</p>
                <p class="projector-item-title">${current.title || t('untitled')}</p>
                <aan-agenda-timer .client=${this.client} .item=${{ id: currentId, ...current }}></aan-agenda-timer>`
                : html`<p>${t('noCurrentItem')}</p>`}
            </div>` : ''}
        </div>
        ${phase === 'closed' ? '' : html`
          <aan-join-qr .boardId=${this.boardId} .token=${this.token} .joinToken=${this.joinToken}></aan-join-qr>`}
      </div>
      <div class="projector-body">${phaseSections(phase, this.client)}</div>`;
  }
}
customElements.define('aan-projector-view', ProjectorView);
