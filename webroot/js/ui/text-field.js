// A labelled text field bound live to one text field of the board. It is always a <textarea>
// that grows with its text, so nothing is clipped on a phone; a one-line field (a title, an
// agreement) keeps Enter from starting a new line. Someone who may not change the field reads
// it as text: a paragraph with the same test id, kept up to date as the others type.
import { html } from 'lit';
import { LightElement } from './light-element.js';
import { TextBinding } from './text-binding.js';

// Chromium sizes a textarea to its content with `field-sizing: content`; elsewhere we do it.
const CSS_GROWS = typeof CSS !== 'undefined' && CSS.supports?.('field-sizing', 'content');

export class TextField extends LightElement {
  static properties = {
    client: { attribute: false },
    entityId: { attribute: false },
    field: {},
    label: {},
    multiline: { type: Boolean },
    disabled: { type: Boolean },
    testid: {},
    placeholder: {},
    hideLabel: { type: Boolean },
  };

  constructor() {
    super();
    this.inputId = `f-${Math.random().toString(36).slice(2)}`;
    this.onBoardChange = () => {
      if (this.disabled) this.requestUpdate();
      else if (!CSS_GROWS && this.binding) this.#grow(this.binding.element);
    };
  }

  render() {
    if (this.disabled) return this.#shown();
    const control = html`<textarea id=${this.inputId} rows=${this.multiline ? 3 : 1}
      class=${this.multiline ? 'grows multiline' : 'grows single-line'} data-testid=${this.testid ?? ''}
      placeholder=${this.placeholder ?? ''} @focus=${this.#focus} @blur=${this.#blur}
      @keydown=${this.#keydown} @input=${this.#input}></textarea>`;
    return html`<label for=${this.inputId} class=${this.hideLabel ? 'visually-hidden' : 'field-label'}>${this.label}</label>${control}`;
  }

  // Read-only: the words themselves, readable and wrapping, not a grey box to scroll in.
  #shown() {
    const value = this.#modelValue();
    return html`<span class=${this.hideLabel ? 'visually-hidden' : 'field-label'}>${this.label}</span><p
      class="shown-text ${this.multiline ? 'multiline' : 'single-line'}" data-testid=${this.testid ?? ''}
      data-empty=${String(value === '')}>${value}</p>`;
  }

  #modelValue() {
    const entity = this.entityId === 'board' ? this.client?.state.board : this.client?.state.entities[this.entityId];
    const value = entity?.[this.field];
    return typeof value === 'string' ? value : '';
  }

  // The binding owns the control's value; lit never renders it, so a re-render cannot
  // clobber what someone is typing. It follows the control as it comes and goes (read-only).
  updated(changed) {
    if (changed.has('client')) {
      changed.get('client')?.removeEventListener('change', this.onBoardChange);
      this.client?.addEventListener('change', this.onBoardChange);
    }
    const control = this.querySelector('textarea');
    if (changed.has('client') || changed.has('entityId') || changed.has('field') || control !== this.binding?.element) {
      this.#bind(control);
    }
  }

  #bind(control) {
    this.binding?.dispose();
    this.binding = control ? new TextBinding(control, this.client, this.entityId, this.field) : null;
    if (control) this.#grow(control);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.client?.removeEventListener('change', this.onBoardChange);
    this.binding?.dispose();
    this.binding = null;
  }

  connectedCallback() {
    super.connectedCallback();
    // Re-attached (lit moved the row): listen and bind again.
    if (this.hasUpdated) {
      this.client?.addEventListener('change', this.onBoardChange);
      if (!this.binding) this.#bind(this.querySelector('textarea'));
    }
  }

  focusControl() {
    this.querySelector('textarea')?.focus();
  }

  #focus() {
    this.client.focus({ id: this.entityId, field: this.field });
  }

  #blur() {
    this.client.focus(null);
  }

  // A one-line field takes no new lines: Enter does nothing, as in a one-line input.
  #keydown(event) {
    if (!this.multiline && event.key === 'Enter' && !event.isComposing) event.preventDefault();
  }

  // Runs before the binding's own listener (added later), so a pasted line break becomes a space
  // before anyone else sees it.
  #input(event) {
    const el = event.target;
    if (!this.multiline && /[\r\n]/.test(el.value)) {
      const { selectionStart, selectionEnd } = el;
      el.value = el.value.replace(/\r\n?|\n/g, (m) => ' '.repeat(m.length));
      el.setSelectionRange(selectionStart, selectionEnd);
    }
    this.#grow(el);
  }

  #grow(el) {
    if (CSS_GROWS) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 2}px`;
  }
}
customElements.define('aan-text-field', TextField);
