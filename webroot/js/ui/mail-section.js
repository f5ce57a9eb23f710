// The facilitator sends the agenda, or an invitation for the meeting's date and time (set under
// Prepare), to every address left at this meeting or an earlier one of the series.
import { html, nothing } from 'lit';
import { BoardSection } from './light-element.js';
import { mailRecipients, sendMeetingMail } from '../sync/mail-api.js';
import { t } from '../i18n.js';

export class MailSection extends BoardSection {
  static properties = {
    ...BoardSection.properties, joinToken: {}, status: { state: true }, busy: { state: true },
    recipients: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.#countRecipients();
  }

  async #countRecipients() {
    const reply = await mailRecipients(this.client).catch(() => ({ ok: false }));
    this.recipients = reply.ok ? reply.count : null;
  }

  render() {
    const scheduled = Boolean(this.client.state.board.scheduledAt);
    return html`
      <section class="card" aria-labelledby="mail-heading" data-testid="mail-section">
        <h2 id="mail-heading">${t('mailHeading')}</h2>
        <p class="muted">${t('mailHelp')}</p>
        ${this.recipients == null ? '' : html`<p data-testid="mail-recipients">${t('mailRecipients', { n: this.recipients })}</p>`}
        <button type="button" data-testid="mail-agenda" ?disabled=${this.busy}
          @click=${() => this.#send('agenda')}>${t('mailAgenda')}</button>
        <button type="button" data-testid="mail-invitation" ?disabled=${this.busy || !scheduled}
          aria-describedby=${scheduled ? nothing : 'mail-no-date'}
          @click=${() => this.#send('invitation')}>${t('mailInvitation')}</button>
        ${scheduled ? '' : html`<p class="muted" id="mail-no-date">${t('mailNeedsDate')}</p>`}
        <p role="status" data-testid="mail-status">${this.status ?? ''}</p>
      </section>`;
  }

  async #send(kind) {
    this.busy = true;
    this.status = t('mailSending');
    const reply = await sendMeetingMail(this.client, kind, this.joinToken)
      .catch(() => ({ ok: false, message: '' }));
    this.busy = false;
    this.status = reply.ok ? t('mailSent', { n: reply.sent }) : t('mailFailed', { message: reply.message });
    this.#countRecipients();
  }
}
customElements.define('aan-mail-section', MailSection);
