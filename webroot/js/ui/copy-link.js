// A link shown in full (people may want to read it out or type it) with a copy button.
import { html } from 'lit';
import { LightElement } from './light-element.js';
import { t } from '../i18n.js';

export class CopyLink extends LightElement {
  static properties = { url: {}, who: {}, copied: { state: true } };

  render() {
    return html`
      <div class="copy-link">
        <input type="text" readonly .value=${this.url ?? ''} aria-label=${this.who} data-testid="link-url"
          @focus=${(e) => e.target.select()}>
        <button type="button" data-testid="copy-link" aria-label=${t('copyLink', { who: this.who })}
          @click=${this.#copy}>${this.copied ? t('copied') : t('copy')}</button>
        <span class="visually-hidden" aria-live="polite">${this.copied ? t('copied') : ''}</span>
      </div>`;
  }

  async #copy() {
    try {
      await navigator.clipboard.writeText(this.url);
    } catch {
      // The async clipboard needs a secure context; plain http on a LAN gets the old way.
      const input = this.querySelector('input');
      input.select();
      document.execCommand('copy');
    }
    this.copied = true;
    setTimeout(() => { this.copied = false; }, 2500);
  }
}
customElements.define('aan-copy-link', CopyLink);
