// The page for /b/{boardId}#{token}: join, ask who you are when you take part, then show the
// live board at the phase the meeting is in (or where you are looking around).
// The token leaves the browser only in the join body (and Bearer headers of API calls).
import { html } from 'lit';
import { LightElement } from './light-element.js';
import { BoardClient } from '../sync/board-client.js';
import { meetingPhase } from './meeting-phases.js';
import { phaseSections } from './phase-sections.js';
import { language, t } from '../i18n.js';
import './join-form.js';
import './language-switch.js';
import './connection-status.js';
import './error-messages.js';
import './text-field.js';
import './presence-list.js';
import './phase-nav.js';
import './announcer.js';
import './participant-link.js';
import './projector-view.js';
import './mail-section.js';
import './continue-elsewhere.js';
import './undo-bar.js';
import './big-screen-controls.js';
import './seat-holders.js';
import { mailOffered, removeContact, saveContact } from '../sync/mail-api.js';
import { loadSeat, saveSeat } from '../sync/client-session.js';

const identityKey = (boardId) => `aantafel.identity.${boardId}`;
// Viewers and the projector watch without telling who they are.
const NAMELESS_GRANTS = new Set(['viewer', 'projector']);
const FATAL_MESSAGES = { 404: 'fatal404', deleted: 'boardDeleted', seatRemoved: 'seatRemoved' };

export class BoardPage extends LightElement {
  static properties = {
    identity: { state: true },
    client: { state: true },
    loaded: { state: true },
    fatal: { state: true },
    connection: { state: true },
    unsaved: { state: true },
    saving: { state: true },
    editing: { state: true },
    lookingAt: { state: true },
    movedOn: { state: true },
    mailOffered: { state: true },
    mailNotice: { state: true },
    seatChoice: { state: true },
  };

  constructor() {
    super();
    this.boardId = decodeURIComponent(location.pathname.split('/').filter(Boolean).at(-1) ?? '');
    // '#<token>' or, on facilitator and projector links, '#<token>.<participant token>' (to show others how to join);
    // a person's own "continue on another device" link adds '~<seat>'.
    const [link, seat] = location.hash.slice(1).split('~');
    [this.token, this.joinToken = null] = link.split('.');
    // ?display: this link shown as the big screen (see big-screen-controls.js), read-only and nameless.
    this.display = new URLSearchParams(location.search).has('display');
    this.identity = this.display ? null : JSON.parse(localStorage.getItem(identityKey(this.boardId)) ?? 'null');
    const held = loadSeat(this.boardId);
    if (seat) {
      // Out of the address bar at once: the seat is not shared by accident, whichever is chosen.
      history.replaceState(null, '', `${location.pathname}${location.search}#${link}`);
    }
    if (seat && held && held !== seat) {
      // Someone else's personal link must never silently take the place of the seat this browser holds.
      this.seatChoice = { seat };
    } else if (seat) {
      saveSeat(this.boardId, seat);
    }
    this.seated = Boolean(seat);
    this.connection = 'reconnecting';
    this.unsaved = 0;
    this.loaded = false;
    this.editing = false;
    this.lookingAt = null;
    this.movedOn = false;
    this.mailOffered = false;
  }

  connectedCallback() {
    super.connectedCallback();
    // Join straight away: the reply tells whether this link needs a name and role at all.
    if ((this.token || this.seated) && !this.seatChoice) this.#connect();
    mailOffered().then((offered) => { this.mailOffered = offered; });
    // Closing the tab with edits still on their way would lose them silently.
    addEventListener('beforeunload', (event) => {
      if (this.client?.unsavedCount) event.preventDefault();
    });
  }

  get #grant() {
    return this.client?.you?.grant ?? '';
  }

  render() {
    if (!this.token && !this.seated) return this.#message(t('noToken'));
    if (this.seatChoice) return this.#chooseSeat();
    if (this.fatal) return this.#message(t(FATAL_MESSAGES[this.fatal] ?? 'fatal403'));
    if (!this.loaded) return html`${this.#topBar()}<main id="main"><p class="card" role="status">${t('loading')}</p></main>`;
    if (!this.display && (this.editing || (!this.identity && !NAMELESS_GRANTS.has(this.#grant)))) {
      return html`${this.#topBar()}<main id="main">
        <aan-join-form .boardTitle=${this.client?.state.board.title ?? ''} .name=${this.identity?.name} .role=${this.identity?.role} .mailOffered=${this.mailOffered}
          .changing=${Boolean(this.identity)}
          @join=${this.#joined}></aan-join-form></main>`;
    }
    const client = this.client;
    if (this.#grant === 'projector' || this.display) {
      return html`<main id="main" class="board projector" data-grant="projector">
        <aan-announcer .client=${client}></aan-announcer>
        <aan-projector-view .client=${client} .boardId=${this.boardId} .token=${this.token} .joinToken=${this.joinToken}>
        </aan-projector-view></main>`;
    }
    const meeting = meetingPhase(client.state.board);
    const viewing = this.lookingAt ?? meeting;
    this.shownPhase = viewing;
    return html`
      ${this.#topBar()}
      <main id="main" class="board" data-grant=${this.#grant} data-phase=${viewing} @focusout=${this.#leftField}>
        <aan-error-messages></aan-error-messages>
        <aan-announcer .client=${client}></aan-announcer>
        <aan-undo-bar .client=${client}></aan-undo-bar>
        <p role="status" class=${this.mailNotice ? 'notice' : ''} data-testid="email-notice">${this.mailNotice ?? ''}</p>
        ${client.readOnly ? html`<p class="notice" data-testid="read-only-notice">${t('readOnly')}</p>` : ''}
        <div class="board-title">
          <aan-text-field .client=${client} .entityId=${'board'} field="title" label=${t('title')}
            testid="board-title" ?disabled=${!client.isFacilitator || meeting === 'closed'}></aan-text-field>
        </div>
        <aan-phase-nav .client=${client} .viewing=${viewing} .movedOn=${this.movedOn} @view=${this.#view}></aan-phase-nav>
        <h1 class="phase-heading" data-testid="phase-heading" tabindex="-1">${t(`phases.${viewing}`)}</h1>
        <div class="board-layout">
          <div class="board-main" data-testid="phase-${viewing}">${phaseSections(viewing, client)}</div>
          <aside class="board-side">
            <aan-presence-list .client=${client}></aan-presence-list>
            ${client.you?.participantId ? html`<aan-continue-elsewhere .client=${client}></aan-continue-elsewhere>` : ''}
            ${client.isFacilitator ? html`<aan-big-screen-controls .client=${client}></aan-big-screen-controls>` : ''}
            ${client.isFacilitator ? html`<aan-seat-holders .client=${client}></aan-seat-holders>` : ''}
            ${client.isFacilitator && this.joinToken ? html`
              <aan-participant-link .boardId=${this.boardId} .joinToken=${this.joinToken} .client=${client}></aan-participant-link>` : ''}
            ${client.isFacilitator && this.joinToken && this.mailOffered ? html`
              <aan-mail-section .client=${client} .joinToken=${this.joinToken}></aan-mail-section>` : ''}
          </aside>
        </div>
      </main>`;
  }

  #topBar() {
    const named = this.identity && !NAMELESS_GRANTS.has(this.#grant);
    return html`
      <header class="top-bar">
        <span class="brand">${t('appName')}</span>
        ${this.client ? html`<aan-connection-status .connection=${this.connection} .unsaved=${this.unsaved} .saving=${this.saving}
          .readOnly=${this.client.readOnly}></aan-connection-status>` : ''}
        <div class="top-actions">
          ${named && this.loaded && !this.editing ? html`
            <button type="button" class="link" data-testid="change-identity" @click=${() => { this.editing = true; }}>
              ${t('changeMe')}</button>` : ''}
          <aan-language-switch></aan-language-switch>
        </div>
      </header>`;
  }

  // The browser already holds a seat at this board and the link brings another: the person decides.
  #chooseSeat() {
    const name = this.identity?.name;
    return html`${this.#topBar()}<main id="main">
      <section class="card" data-testid="seat-choice" aria-labelledby="seat-choice-heading">
        <h1 id="seat-choice-heading" tabindex="-1">${t('seatChoiceHeading')}</h1>
        <p>${name ? t('seatChoiceHeldAs', { name }) : t('seatChoiceHeld')}</p>
        <p>${t('seatChoiceWarning')}</p>
        <div class="seat-choice-actions">
          <button type="button" data-testid="seat-keep" @click=${() => this.#choose(false)}>
            ${name ? t('seatKeepAs', { name }) : t('seatKeep')}</button>
          <button type="button" data-testid="seat-switch" @click=${() => this.#choose(true)}>
            ${t('seatSwitch')}</button>
        </div>
      </section></main>`;
  }

  #choose(switchSeat) {
    if (switchSeat) {
      saveSeat(this.boardId, this.seatChoice.seat);
      // The name was the other seat's: the new one's comes from the server, never carried over.
      localStorage.removeItem(identityKey(this.boardId));
      this.identity = null;
    }
    this.seatChoice = null;
    this.#connect();
  }

  updated(changed) {
    super.updated(changed);
    // Keyboard and screen reader users start at the question, not somewhere behind it.
    if (changed.has('seatChoice') && this.seatChoice) this.querySelector('#seat-choice-heading')?.focus();
  }

  #message(text) {
    return html`${this.#topBar()}<main id="main"><p class="card error" role="alert" data-testid="fatal-message">${text}</p></main>`;
  }

  // The facilitator moved the meeting on while this person was typing: their field stays where it
  // is (every keystroke is already on its way to the server) until they leave it.
  #holdWhileTyping() {
    const meeting = meetingPhase(this.client.state.board);
    if (this.lookingAt === null && this.shownPhase && meeting !== this.shownPhase && meeting !== 'closed'
      && this.#typing()) {
      this.lookingAt = this.shownPhase;
      this.movedOn = true;
    }
    if (this.movedOn && meeting === this.lookingAt) {
      this.lookingAt = null;
      this.movedOn = false;
    }
  }

  #typing() {
    const active = document.activeElement;
    return Boolean(active?.matches?.('textarea, input[type=text]') && this.querySelector('.board-main')?.contains(active));
  }

  #leftField() {
    if (!this.movedOn) return;
    // Focus moves after focusout: look where it went before following the meeting again.
    setTimeout(() => {
      if (!this.movedOn || this.#typing()) return;
      this.movedOn = false;
      this.lookingAt = null;
    });
  }

  #view(event) {
    this.movedOn = false;
    this.lookingAt = event.detail.phase;
    // Following the meeting again must not leave the keyboard somewhere that disappeared.
    this.updateComplete.then(() => this.querySelector(`[data-testid=phase-tab-${this.lookingAt ?? meetingPhase(this.client.state.board)}]`)?.focus());
  }

  #joined(event) {
    const { email, forgetEmail, ...identity } = event.detail;
    this.identity = identity;
    localStorage.setItem(identityKey(this.boardId), JSON.stringify(this.identity));
    this.editing = false;
    // Joining again on the same connection, as the same participant, tells the others; the first
    // time it gives this person their seat, which alone may leave or remove their address. The
    // address is not kept in this browser: it lives on the server, for this participant only.
    this.client.rename(this.identity.name, this.identity.role).then(() => {
      if (forgetEmail) this.#report(removeContact(this.client));
      else if (email) this.#report(saveContact(this.client, email, language()));
    });
    // The form and its button are gone: start the keyboard at the top of the board, not nowhere.
    this.updateComplete.then(() => this.querySelector('[data-testid=phase-heading]')?.focus());
  }

  async #report(contactCall) {
    const reply = await contactCall.catch(() => ({ ok: false, code: 0, message: '' }));
    if (!reply.ok) this.querySelector('aan-error-messages')?.add({ code: reply.code, message: reply.message });
    // A new address receives nothing until its owner opens the link in the one mail it was sent.
    this.mailNotice = reply.ok && reply.confirmed === false ? t('emailConfirmSent') : null;
  }

  #connect() {
    const client = new BoardClient({ boardId: this.boardId, token: this.token, ...(this.identity ?? {}) });
    client.addEventListener('status', (e) => {
      this.connection = e.detail.connection;
      this.unsaved = e.detail.unsaved;
      this.saving = e.detail.saving;
    });
    client.addEventListener('joined', () => {
      this.loaded = true;
      // Continuing on another device: the seat says who this is, so nobody needs to be asked again.
      const { participantId, name, role } = client.you ?? {};
      if (participantId && name && !this.identity) {
        this.identity = { name, role };
        localStorage.setItem(identityKey(this.boardId), JSON.stringify(this.identity));
      }
    });
    client.addEventListener('change', () => {
      this.#holdWhileTyping();
      document.title = [client.state.board.title, t('appName')].filter(Boolean).join(' · ');
      this.requestUpdate();
    });
    client.addEventListener('fatal', (e) => {
      this.fatal = e.detail.code;
      // The name was that seat's: joining again is a choice, made through the form.
      if (e.detail.code === 'seatRemoved') localStorage.removeItem(identityKey(this.boardId));
    });
    client.addEventListener('error', (e) => this.querySelector('aan-error-messages')?.add(e.detail));
    this.client = client;
    client.start();
  }
}
customElements.define('aan-board-page', BoardPage);
