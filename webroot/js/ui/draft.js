// For a field whose value is sent when it changes (leaving it, or Enter), not at every keystroke: a number or a date.
// Like lit's live(), it puts the board's value into the field whenever they differ, but not while the field has
// the focus: another person's edit or a presence update re-renders the row, and must not put the stored value back
// over what someone is typing there.
import { noChange } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import { setCommittedValue } from 'lit/directive-helpers.js';

class DraftDirective extends Directive {
  render(value) {
    return value;
  }

  update(part, [value]) {
    const element = part.element;
    if (value === element[part.name] || element.matches(':focus')) return noChange;
    // Forget what was set last, so that lit sets the value even when the board's value has not changed.
    setCommittedValue(part);
    return value;
  }
}

export const draft = directive(DraftDirective);
