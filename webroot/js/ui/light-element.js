// Base for our components: light DOM, so the one hand-written stylesheet and the end-to-end
// tests reach everything, and a re-render whenever the language is switched.
import { LitElement } from 'lit';
import { languageEvents } from '../i18n.js';

export class LightElement extends LitElement {
  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.onLanguage = () => this.requestUpdate();
    languageEvents.addEventListener('change', this.onLanguage);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    languageEvents.removeEventListener('change', this.onLanguage);
  }
}

/** A component that shows part of a board and re-renders when the board changes. */
export class BoardSection extends LightElement {
  static properties = { client: { attribute: false } };

  connectedCallback() {
    super.connectedCallback();
    this.onBoardChange = () => this.requestUpdate();
    this.client?.addEventListener('change', this.onBoardChange);
    // Names in selects and cards come from presence.
    this.client?.addEventListener('presence', this.onBoardChange);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.client?.removeEventListener('change', this.onBoardChange);
    this.client?.removeEventListener('presence', this.onBoardChange);
  }

  // A closed meeting refuses every change, so nothing invites one.
  get readOnly() {
    return this.client.readOnly || this.client.state.board.phase === 'closed';
  }

  get isFacilitator() {
    return this.client.isFacilitator && !this.readOnly;
  }

  // Re-rendering a list after someone else reorders it may move the row being typed in, and
  // moving a focused element drops its focus. Put focus and selection back where they were.
  willUpdate(changed) {
    super.willUpdate(changed);
    const active = document.activeElement;
    this.keptFocus = active && active !== document.body && this.contains(active)
      ? { element: active, start: active.selectionStart, end: active.selectionEnd }
      : null;
  }

  updated(changed) {
    super.updated(changed);
    const kept = this.keptFocus;
    if (!kept || document.activeElement === kept.element || !kept.element.isConnected) return;
    kept.element.focus({ preventScroll: true });
    if (kept.start !== null && kept.start !== undefined) kept.element.setSelectionRange?.(kept.start, kept.end);
  }
}
