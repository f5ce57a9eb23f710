// Name and role, asked once per board. No account: this is all the others learn about you.
// The form names the meeting, so that whoever follows a link knows where they are.
// Where the server sends e-mail, an address may be left too; it goes to the server only.
import { html } from 'lit';
import { LightElement } from './light-element.js';
import { roleKeys, t } from '../i18n.js';
import { INPUT_LIMITS } from '../input-limits.js';

export class JoinForm extends LightElement {
  static properties = {
    name: {}, role: {}, mailOffered: { type: Boolean }, changing: { type: Boolean }, boardTitle: {},
  };

  render() {
    return html`
      <form class="card join" data-testid="join-form" @submit=${this.#submit}>
        ${this.boardTitle ? html`
          <p class="join-meeting" data-testid="join-board-title">${t('joinMeeting')} <strong>${this.boardTitle}</strong></p>` : ''}
        <h1>${t('joinTitle')}</h1>
        <p>${t('joinIntro')}</p>
        <label class="field-label" for="join-name">${t('yourName')}</label>
        <input id="join-name" name="name" type="text" required autocomplete="name" maxlength=${INPUT_LIMITS.joinName}
          data-testid="join-name" .value=${this.name ?? ''}>
        <label class="field-label" for="join-role">${t('yourRole')}</label>
        <select id="join-role" name="role" required data-testid="join-role">
          <option value="" ?selected=${!this.role}>${t('chooseRole')}</option>
          ${roleKeys.map((key) => html`<option value=${key} ?selected=${this.role === key}>${t(`roles.${key}`)}</option>`)}
        </select>
        ${this.mailOffered ? html`
          <label class="field-label" for="join-email">${t('yourEmail')}</label>
          <input id="join-email" name="email" type="email" autocomplete="email" maxlength=${INPUT_LIMITS.email}
            aria-describedby="join-email-help" data-testid="join-email">
          <p class="muted" id="join-email-help">${t('yourEmailHelp')}</p>
          ${this.changing ? html`
            <label class="radio">
              <input type="checkbox" name="forgetEmail" data-testid="join-forget-email"> ${t('forgetEmail')}
            </label>` : ''}` : ''}
        <button type="submit" class="primary" data-testid="join-submit">${t('join')}</button>
      </form>`;
  }

  firstUpdated() {
    this.querySelector('#join-name').focus();
  }

  #submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const name = String(form.get('name')).trim();
    if (!name) return;
    const email = String(form.get('email') ?? '').trim();
    const forgetEmail = form.get('forgetEmail') === 'on';
    this.dispatchEvent(new CustomEvent('join', { detail: { name, role: String(form.get('role')), email, forgetEmail } }));
  }
}
customElements.define('aan-join-form', JoinForm);
