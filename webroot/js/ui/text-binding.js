// Keeps an <input> or <textarea> and one text field of the board in step, character by
// character, without moving the caret of the person typing when someone else edits.
import { TextOperation } from '../board/text-operation.js';
import { textDiff } from './text-diff.js';

export class TextBinding {
  constructor(element, client, id, field) {
    this.element = element;
    this.client = client;
    this.id = id;
    this.field = field;
    this.known = this.#modelValue();
    element.value = this.known;
    this.onInput = () => this.#localInput();
    this.onChange = (e) => this.#modelChanged(e.detail);
    element.addEventListener('input', this.onInput);
    client.addEventListener('change', this.onChange);
  }

  dispose() {
    this.element.removeEventListener('input', this.onInput);
    this.client.removeEventListener('change', this.onChange);
  }

  #modelValue() {
    const entity = this.id === 'board' ? this.client.state.board : this.client.state.entities[this.id];
    const value = entity?.[this.field];
    return typeof value === 'string' ? value : '';
  }

  #localInput() {
    const value = this.element.value;
    const operation = textDiff(this.known, value);
    this.known = value;
    this.client.editText(this.id, this.field, operation);
  }

  #modelChanged({ remote, ops }) {
    if (!remote) return;
    const value = this.#modelValue();
    if (value === this.known) return;
    const el = this.element;
    const focused = el.ownerDocument.activeElement === el;
    let start = el.selectionStart;
    let end = el.selectionEnd;
    const edits = ops.filter((op) => op.type === 'text' && op.id === this.id && op.field === this.field);
    if (focused && edits.length) {
      for (const op of edits) {
        const operation = TextOperation.fromJSON(op.edit);
        start = operation.transformIndex(start);
        end = operation.transformIndex(end);
      }
    }
    // Assigning .value fires no input event, so this never echoes back as a local edit.
    this.known = value;
    el.value = value;
    if (focused) el.setSelectionRange(Math.min(start, value.length), Math.min(end, value.length));
  }
}
