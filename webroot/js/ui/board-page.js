// The page for /b/{boardId}#{token}: ask who you are, then show the live board.
// The token leaves the browser only in the join body (and Bearer headers of API calls).
import { html } from 'lit';
import { LightElement } from './light-element.js';
import { BoardClient } from '../sync/board-client.js';
import { t } from '../i18n.js';
import './join-form.js';
import './language-switch.js';
import './connection-status.js';
import './error-messages.js';
import './text-field.js';
import './goal-section.js';
import './agenda-section.js';
import './actions-section.js';
import './presence-list.js';

const identityKey = (boardId) => `aantafel.identity.${boardId}`;

export class BoardPage extends LightElement {
  static properties = {
    identity: { state: true },
    client: { state: true },
    loaded: { state: true },
    fatal: { state: true },
    connection: { state: true },
    unsaved: { state: true },
    editing: { state: true },
  };

  constructor() {
    super();
    this.boardId = decodeURIComponent(location.pathname.split('/').filter(Boolean).at(-1) ?? '');
    // '#<token>' or, on facilitator and projector links, '#<token>.<participant token>' (to show others how to join).
    [this.token, this.joinToken = null] = location.hash.slice(1).split('.');
    this.identity = JSON.parse(localStorage.getItem(identityKey(this.boardId)) ?? 'null');
    this.connection = 'reconnecting';
    this.unsaved = 0;
    this.loaded = false;
    this.editing = false;
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.identity && this.token) this.#connect();
    // Closing the tab with edits still on their way would lose them silently.
    addEventListener('beforeunload', (event) => {
      if (this.client?.unsavedCount) event.preventDefault();
    });
  }

  render() {
    if (!this.token) return this.#message(t('noToken'));
    if (this.fatal) return this.#message(t(this.fatal === 404 ? 'fatal404' : 'fatal403'));
    if (!this.identity || this.editing) {
      return html`${this.#topBar()}<main id="main">
        <aan-join-form .name=${this.identity?.name} .role=${this.identity?.role} @join=${this.#joined}></aan-join-form></main>`;
    }
    if (!this.loaded) return html`${this.#topBar()}<main id="main"><p class="card" role="status">${t('loading')}</p></main>`;
    const client = this.client;
    return html`
      ${this.#topBar()}
      <main id="main" class="board ${client.you?.grant === 'projector' ? 'projector' : ''}" data-grant=${client.you?.grant ?? ''}>
        <aan-error-messages></aan-error-messages>
        ${client.readOnly ? html`<p class="notice" data-testid="read-only-notice">${t('readOnly')}</p>` : ''}
        <div class="board-title">
          <aan-text-field .client=${client} .entityId=${'board'} field="title" label=${t('title')}
            testid="board-title" ?disabled=${client.readOnly}></aan-text-field>
        </div>
        <div class="board-layout">
          <div class="board-main">
            <aan-goal-section .client=${client}></aan-goal-section>
            <aan-agenda-section .client=${client}></aan-agenda-section>
            <aan-actions-section .client=${client}></aan-actions-section>
          </div>
          <aside class="board-side">
            <aan-presence-list .client=${client}></aan-presence-list>
          </aside>
        </div>
      </main>`;
  }

  #topBar() {
    return html`
      <header class="top-bar">
        <span class="brand">${t('appName')}</span>
        ${this.client ? html`<aan-connection-status .connection=${this.connection} .unsaved=${this.unsaved}></aan-connection-status>` : ''}
        <div class="top-actions">
          ${this.identity && !this.editing ? html`
            <button type="button" class="link" data-testid="change-identity" @click=${() => { this.editing = true; }}>
              ${t('changeMe')}</button>` : ''}
          <aan-language-switch></aan-language-switch>
        </div>
      </header>`;
  }

  #message(text) {
    return html`${this.#topBar()}<main id="main"><p class="card error" role="alert" data-testid="fatal-message">${text}</p></main>`;
  }

  #joined(event) {
    this.identity = event.detail;
    localStorage.setItem(identityKey(this.boardId), JSON.stringify(this.identity));
    this.editing = false;
    // A new name or role is announced by joining again on a fresh connection.
    this.client?.stop();
    this.loaded = false;
    this.#connect();
  }

  #connect() {
    const client = new BoardClient({ boardId: this.boardId, token: this.token, ...this.identity });
    client.addEventListener('status', (e) => {
      this.connection = e.detail.connection;
      this.unsaved = e.detail.unsaved;
    });
    client.addEventListener('joined', () => { this.loaded = true; });
    client.addEventListener('change', () => {
      document.title = [client.state.board.title, t('appName')].filter(Boolean).join(' · ');
    });
    client.addEventListener('fatal', (e) => { this.fatal = e.detail.code; });
    client.addEventListener('error', (e) => this.querySelector('aan-error-messages')?.add(e.detail));
    this.client = client;
    client.start();
  }
}
customElements.define('aan-board-page', BoardPage);
