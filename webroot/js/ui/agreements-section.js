// Agree and disagree openly: what we agree on, and what we do not (yet) agree on, side by side.
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { BoardSection } from './light-element.js';
import { orderAtEnd, orderedEntities } from './ordered-entities.js';
import './text-field.js';
import { t } from '../i18n.js';
import { changedBy, removeItem } from './removal.js';
import './removed-items.js';
import { STANCES } from '../board/choices.js';

// The heading and the add button of each stance's list.
const LABELS = { agree: ['agreeHeading', 'addAgree'], disagree: ['disagreeHeading', 'addDisagree'] };

export class AgreementsSection extends BoardSection {
  render() {
    const all = orderedEntities(this.client.state, 'agreement');
    return html`
      <section class="card" aria-labelledby="agreements-heading">
        <h2 id="agreements-heading">${t('agreementsHeading')}</h2>
        <div class="two-lists">
          ${STANCES.map((stance) => this.#list(all, stance, ...LABELS[stance]))}
        </div>
        <aan-removed-items .client=${this.client} kind="agreement" field="text"></aan-removed-items>
      </section>`;
  }

  #list(all, stance, heading, add) {
    const items = all.filter((a) => (a.stance ?? 'agree') === stance);
    const ro = this.readOnly;
    return html`
      <div class="stance-list stance-${stance}" data-testid="agreements-${stance}">
        <h3 id="agreements-${stance}-heading">${t(heading)}</h3>
        ${items.length === 0 ? html`<p class="empty">${t('listEmpty')}</p>` : ''}
        <ol class="item-list" aria-labelledby="agreements-${stance}-heading">
          ${repeat(items, (a) => a.id, (a, index) => html`
            <li class="item-row" data-testid="agreement-row" data-id=${a.id} data-stance=${stance}>
              <aan-text-field .client=${this.client} .entityId=${a.id} field="text" hideLabel
                label="${t(heading)}: ${t('agreementText', { n: index + 1 })}" testid="agreement-text" ?disabled=${ro}></aan-text-field>
              <span class="muted" data-testid="changed-by">${changedBy(a)}</span>
              ${ro ? '' : html`
                <div class="row-controls">
                  <button type="button" data-testid="agreement-switch"
                    @click=${() => this.client.set(a.id, 'stance', stance === 'agree' ? 'disagree' : 'agree')}>
                    ${t(stance === 'agree' ? 'moveToDisagree' : 'moveToAgree', { n: index + 1 })}</button>
                  <button type="button" class="icon danger" data-testid="agreement-remove"
                    aria-label=${t('removeAgreement', { n: index + 1 })} title=${t('removeAgreement', { n: index + 1 })}
                    @click=${() => removeItem(this.client, a, a.text || t('agreementText', { n: index + 1 }))}>✕</button>
                </div>`}
            </li>`)}
        </ol>
        ${ro ? '' : html`
          <button type="button" class="add" data-testid="add-agreement-${stance}" @click=${() => this.#add(all, stance)}>
            + ${t(add)}</button>`}
      </div>`;
  }

  async #add(all, stance) {
    const id = this.client.create('agreement', { text: '', stance, order: orderAtEnd(all) });
    await this.updateComplete;
    this.querySelector(`[data-id="${id}"] aan-text-field`)?.focusControl();
  }
}
customElements.define('aan-agreements-section', AgreementsSection);
