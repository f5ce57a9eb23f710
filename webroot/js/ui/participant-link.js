// The facilitator hands out the participant link from the board itself.
import { html } from 'lit';
import { LightElement } from './light-element.js';
import './copy-link.js';
import { t } from '../i18n.js';

export function participantUrl(boardId, joinToken) {
  return `${location.origin}/b/${encodeURIComponent(boardId)}#${joinToken}`;
}

export class ParticipantLink extends LightElement {
  static properties = { boardId: {}, joinToken: {} };

  render() {
    return html`
      <section class="card" aria-labelledby="participant-link-heading" data-testid="participant-link">
        <h2 id="participant-link-heading">${t('participantLinkHeading')}</h2>
        <p class="muted">${t('participantLinkHelp')}</p>
        <aan-copy-link .url=${participantUrl(this.boardId, this.joinToken)} .who=${t('linkParticipant')}></aan-copy-link>
      </section>`;
  }
}
customElements.define('aan-participant-link', ParticipantLink);
