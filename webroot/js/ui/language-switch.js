import { html } from 'lit';
import { LightElement } from './light-element.js';
import { language, languages, setLanguage, t } from '../i18n.js';

// Each language by its own name.
export const NAMES = { nl: 'Nederlands', en: 'English' };

export class LanguageSwitch extends LightElement {
  render() {
    return html`
      <label class="language-switch">
        <span>${t('language')}</span>
        <select data-testid="language-switch" @change=${(e) => setLanguage(e.target.value)}>
          ${languages.map((lang) => html`<option value=${lang} ?selected=${lang === language()} lang=${lang}>${NAMES[lang]}</option>`)}
        </select>
      </label>`;
  }
}
customElements.define('aan-language-switch', LanguageSwitch);
