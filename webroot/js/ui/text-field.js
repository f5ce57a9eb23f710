// A labelled input or textarea bound live to one text field of the board.
import { html } from 'lit';
import { LightElement } from './light-element.js';
import { TextBinding } from './text-binding.js';

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
  }

  render() {
    const control = this.multiline
      ? html`<textarea id=${this.inputId} rows="3" data-testid=${this.testid ?? ''} placeholder=${this.placeholder ?? ''}
          ?disabled=${this.disabled} @focus=${this.#focus} @blur=${this.#blur}></textarea>`
      : html`<input id=${this.inputId} type="text" data-testid=${this.testid ?? ''} placeholder=${this.placeholder ?? ''}
          ?disabled=${this.disabled} @focus=${this.#focus} @blur=${this.#blur}>`;
    return html`<label for=${this.inputId} class=${this.hideLabel ? 'visually-hidden' : 'field-label'}>${this.label}</label>${control}`;
  }

  // The binding owns the control's value; lit never renders it, so a re-render cannot
  // clobber what someone is typing.
  updated(changed) {
    if (changed.has('client') || changed.has('entityId') || changed.has('field')) {
      this.binding?.dispose();
      this.binding = new TextBinding(this.querySelector('input, textarea'), this.client, this.entityId, this.field);
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.binding?.dispose();
    this.binding = null;
  }

  connectedCallback() {
    super.connectedCallback();
    // Re-attached (lit moved the row): bind again on the next update.
    if (this.hasUpdated && !this.binding) {
      this.binding = new TextBinding(this.querySelector('input, textarea'), this.client, this.entityId, this.field);
    }
  }

  focusControl() {
    this.querySelector('input, textarea')?.focus();
  }

  #focus() {
    this.client.focus({ id: this.entityId, field: this.field });
  }

  #blur() {
    this.client.focus(null);
  }
}
customElements.define('aan-text-field', TextField);
