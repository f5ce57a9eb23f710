// The facilitator hands out the participant link from the board itself.
import { html } from 'lit';
import { LightElement } from './light-element.js';
import './copy-link.js';
import { t } from '../i18n.js';
import { replaceLinks } from '../sync/meeting-api.js';

export function participantUrl(boardId, joinToken) {
  return `${location.origin}/b/${encodeURIComponent(boardId)}#${joinToken}`;
}

export class ParticipantLink extends LightElement {
  static properties = { boardId: {}, joinToken: {}, client: { attribute: false } };

  render() {
    return html`
      <section class="card" aria-labelledby="participant-link-heading" data-testid="participant-link">
        <h2 id="participant-link-heading">${t('participantLinkHeading')}</h2>
        <p class="muted">${t('participantLinkHelp')}</p>
        <aan-copy-link .url=${participantUrl(this.boardId, this.joinToken)} .who=${t('linkParticipant')}></aan-copy-link>
        ${this.client ? html`
          <p class="muted" id="replace-links-help">${t('replaceLinksHelp')}</p>
          <button type="button" data-testid="replace-links" aria-describedby="replace-links-help"
            @click=${this.#replace}>${t('replaceLinks')}</button>` : ''}
      </section>`;
  }

  // A leaked link is replaced for everyone at once; this page moves to its own new link.
  async #replace() {
    if (!globalThis.confirm(t('replaceLinksConfirm'))) return;
    const reply = await replaceLinks(this.client);
    if (!reply) return;
    location.replace(reply.links.facilitator);
    location.reload();
  }
}
customElements.define('aan-participant-link', ParticipantLink);
