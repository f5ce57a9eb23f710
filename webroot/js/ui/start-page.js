// The start page: set up a meeting and hand out its links.
import { html } from 'lit';
import { LightElement } from './light-element.js';
import { language, t } from '../i18n.js';
import { NAMES } from './language-switch.js';
import './copy-link.js';
import { FIELD_CHOICES } from '../board/choices.js';
import { INPUT_LIMITS } from '../input-limits.js';

// The server fills in the phases and suggested agenda items of each; the empty board comes last.
const TEMPLATES = [...FIELD_CHOICES.board.template.filter((name) => name !== 'empty'), 'empty'];

const LINK_KINDS = [
  ['facilitator', 'linkFacilitator', 'linkFacilitatorHelp'],
  ['participant', 'linkParticipant', 'linkParticipantHelp'],
  ['viewer', 'linkViewer', 'linkViewerHelp'],
  ['projector', 'linkProjector', 'linkProjectorHelp'],
];

export class StartPage extends LightElement {
  static properties = { created: { state: true }, busy: { state: true }, failed: { state: true } };

  render() {
    return html`
      <header class="top-bar">
        <span class="brand">${t('appName')}</span>
        <aan-language-switch></aan-language-switch>
      </header>
      <main id="main">
        <p class="tagline">${t('tagline')}</p>
        ${this.created ? this.#links() : this.#form()}
      </main>`;
  }

  #form() {
    return html`
      <form class="card" data-testid="create-form" @submit=${this.#create}>
        <h1>${t('newBoard')}</h1>
        <label class="field-label" for="new-title">${t('boardTitle')}</label>
        <input id="new-title" name="title" type="text" required maxlength=${INPUT_LIMITS.boardTitle} data-testid="new-board-title"
          placeholder=${t('boardTitleHint')}>
        <label class="field-label" for="new-language">${t('boardLanguage')}</label>
        <select id="new-language" name="language" data-testid="new-board-language">
          ${FIELD_CHOICES.board.language.map((lang) => html`
            <option value=${lang} ?selected=${language() === lang}>${NAMES[lang] ?? lang}</option>`)}
        </select>
        <label class="field-label" for="new-template">${t('template')}</label>
        <select id="new-template" name="template" data-testid="new-board-template">
          ${TEMPLATES.map((name) => html`<option value=${name}>${t(`templates.${name}`)}</option>`)}
        </select>
        <button type="submit" class="primary" data-testid="create-board" ?disabled=${this.busy}>
          ${this.busy ? t('creating') : t('create')}</button>
        ${this.failed ? html`<p class="error" role="alert" data-testid="create-error">${t('createFailed')}</p>` : ''}
      </form>`;
  }

  #links() {
    const links = this.created.links;
    return html`
      <section class="card" aria-labelledby="links-heading" data-testid="board-links">
        <h1 id="links-heading" tabindex="-1">${this.created.title}</h1>
        <p>${t('linksIntro')}</p>
        <dl class="links">
          ${LINK_KINDS.map(([kind, label, help]) => html`
            <div class="link-row" data-testid="link-${kind}">
              <dt>${t(label)}</dt>
              <dd>
                <p class="muted">${t(help)}</p>
                <aan-copy-link .url=${links[kind]} .who=${t(label)}></aan-copy-link>
              </dd>
            </div>`)}
        </dl>
        <p><a class="button primary" href=${links.facilitator} data-testid="open-board">${t('openBoard')}</a></p>
      </section>`;
  }

  async #create(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const title = String(form.get('title')).trim();
    this.busy = true;
    this.failed = false;
    try {
      const response = await fetch('/api/boards', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title, language: form.get('language'), template: form.get('template') }),
      });
      if (response.status !== 201) throw new Error(`HTTP ${response.status}`);
      this.created = { title, ...(await response.json()) };
      await this.updateComplete;
      this.querySelector('#links-heading')?.focus();
    } catch {
      this.failed = true;
    } finally {
      this.busy = false;
    }
  }
}
customElements.define('aan-start-page', StartPage);
