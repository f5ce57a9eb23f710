// Actions: what, who (someone at the table or a name), by when, and whether it is done.
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { live } from 'lit/directives/live.js';
import { BoardSection } from './light-element.js';
import { orderAtEnd, orderedEntities } from './ordered-entities.js';
import './text-field.js';
import { personPicker } from './person-picker.js';
import { shownDate, shownValue } from './shown-value.js';
import { t } from '../i18n.js';
import { changedBy, removeItem } from './removal.js';
import './removed-items.js';
import { draft } from './draft.js';
import { ACTION_STATUSES as STATUSES } from '../board/choices.js';

export class ActionsSection extends BoardSection {
  render() {
    const actions = orderedEntities(this.client.state, 'action');
    return html`
      <section class="card" aria-labelledby="actions-heading">
        <h2 id="actions-heading">${t('actionsHeading')}</h2>
        ${actions.length === 0 ? html`<p class="empty">${t('actionsEmpty')}</p>` : ''}
        <ol class="item-list">
          ${repeat(actions, (action) => action.id, (action, index) => this.#row(action, index + 1))}
        </ol>
        ${this.readOnly ? '' : html`
          <button type="button" class="add" data-testid="add-action" @click=${() => this.#add(actions)}>
            + ${t('addAction')}</button>`}
        <aan-removed-items .client=${this.client} kind="action" field="what"></aan-removed-items>
      </section>`;
  }

  #row(action, n) {
    const ro = this.readOnly;
    const dueId = `due-${action.id}`;
    const statusId = `status-${action.id}`;
    return html`
      <li class="action-row" data-testid="action-row" data-id=${action.id}>
        <fieldset>
          <legend>${t('actionLabel', { n })}</legend>
          <aan-text-field .client=${this.client} .entityId=${action.id} field="what" multiline
            label=${t('actionWhat')} testid="action-what" ?disabled=${ro}></aan-text-field>
          <div class="action-meta">
            ${personPicker({ client: this.client, entityId: action.id, idField: 'whoParticipantId', nameField: 'who',
              label: t('actionWho'), nameLabel: t('actionWhoName'), testid: 'action-who', disabled: ro })}
            ${ro ? shownValue({ label: t('actionDue'), text: shownDate(action.due), value: action.due, testid: 'action-due' }) : html`
            <div>
              <label class="field-label" for=${dueId}>${t('actionDue')}</label>
              <input id=${dueId} type="date" data-testid="action-due" .value=${draft(action.due ?? '')}
                @change=${(e) => this.client.set(action.id, 'due', e.target.value)}>
            </div>`}
            ${ro ? shownValue({ label: t('status'), text: t(`actionStatus.${action.status ?? 'open'}`),
              value: action.status ?? 'open', testid: 'action-status' }) : html`
            <div>
              <label class="field-label" for=${statusId}>${t('status')}</label>
              <select id=${statusId} data-testid="action-status" .value=${live(action.status ?? 'open')}
                @change=${(e) => this.client.set(action.id, 'status', e.target.value)}>
                ${STATUSES.map((s) => html`<option value=${s} ?selected=${(action.status ?? 'open') === s}>${t(`actionStatus.${s}`)}</option>`)}
              </select>
            </div>`}
          </div>
          ${ro ? '' : html`
            <button type="button" class="link danger" data-testid="action-remove"
              aria-label=${t('removeAction', { n })}
              @click=${() => removeItem(this.client, action, action.what || t('actionLabel', { n }))}>${t('remove')}</button>`}
          <span class="muted" data-testid="changed-by">${changedBy(action)}</span>
        </fieldset>
      </li>`;
  }

  async #add(actions) {
    const id = this.client.create('action', { what: '', who: '', whoParticipantId: null, due: '', status: 'open', order: orderAtEnd(actions) });
    await this.updateComplete;
    this.querySelector(`[data-id="${id}"] aan-text-field`)?.focusControl();
  }
}
customElements.define('aan-actions-section', ActionsSection);
