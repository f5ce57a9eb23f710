// "Who": someone at the table, or any name typed in (a grandparent, a colleague not present).
// Used for an action's who and for who holds the lead.
import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { namedParticipants } from './people.js';
import './text-field.js';
import { shownValue } from './shown-value.js';
import { roleLabel, t } from '../i18n.js';

/** opts: {client, entityId, idField, nameField, label, nameLabel, testid, disabled} */
export function personPicker(opts) {
  const { client, entityId, idField, nameField } = opts;
  const entity = entityId === 'board' ? client.state.board : client.state.entities[entityId];
  const chosen = entity?.[idField] ?? '';
  const people = namedParticipants(client);
  const selectId = `${opts.testid}-${entityId}`;
  if (opts.disabled) return shownPerson(opts, chosen, people);
  return html`
    <div class="person-picker">
      <label class="field-label" for=${selectId}>${opts.label}</label>
      <select id=${selectId} data-testid="${opts.testid}-participant" .value=${live(chosen)}
        @change=${(e) => client.set(entityId, idField, e.target.value || null)}>
        <option value="" ?selected=${!chosen}>${t('someoneElse')}</option>
        ${people.map((p) => html`<option value=${p.participantId} ?selected=${chosen === p.participantId}>
          ${p.name} (${roleLabel(p.role)})</option>`)}
        ${chosen && !people.some((p) => p.participantId === chosen) ? html`<option value=${chosen} selected>?</option>` : ''}
      </select>
      ${chosen ? '' : html`
        <aan-text-field .client=${client} .entityId=${entityId} field=${nameField}
          label=${opts.nameLabel} testid=${opts.testid}></aan-text-field>`}
    </div>`;
}

// Read-only: the person's name as words; a typed-in name is the text field, shown as text.
function shownPerson(opts, chosen, people) {
  const { client, entityId, nameField } = opts;
  const person = people.find((p) => p.participantId === chosen);
  return html`
    <div class="person-picker">
      ${chosen ? shownValue({ label: opts.label, text: person ? `${person.name} (${roleLabel(person.role)})` : '?',
        value: chosen, testid: `${opts.testid}-participant` }) : html`
        <aan-text-field .client=${client} .entityId=${entityId} field=${nameField}
          label=${opts.label} testid=${opts.testid} disabled></aan-text-field>`}
    </div>`;
}
