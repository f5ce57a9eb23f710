// A choice or a date that someone may not change, shown as words instead of a grey, disabled
// control: a label and a paragraph with the control's test id; data-value holds what the control
// would hold (a participant id, an ISO date, a status key).
import { html } from 'lit';
import { language } from '../i18n.js';

/** opts: {label, text, value, testid} */
export function shownValue({ label, text, value, testid }) {
  return html`
    <div class="shown-field">
      <span class="field-label">${label}</span>
      <p class="shown-value" data-testid=${testid} data-value=${value ?? ''} data-empty=${String(!text)}>${text ?? ''}</p>
    </div>`;
}

/** '2026-12-01' as the reader's language writes a date; '' stays ''. */
export function shownDate(iso) {
  if (!iso) return '';
  const date = new Date(`${iso.slice(0, 10)}T12:00:00`);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(language(), { dateStyle: 'long' });
}

/** '2026-12-01T14:30' with its time. */
export function shownDateTime(local) {
  if (!local) return '';
  const date = new Date(local);
  if (Number.isNaN(date.getTime())) return local;
  return date.toLocaleString(language(), { dateStyle: 'long', timeStyle: 'short' });
}
