// How many agenda items came from the family, from school and from care: no party should set
// the agenda alone. The facilitator is prompted when the family has brought in nothing yet.
import { html } from 'lit';
import { BoardSection } from './light-element.js';
import { flexGrow } from './flex-grow.js';
import { agendaBalance, familyHasProposed } from '../board/meeting-rules.js';
import { BALANCE_SIDES as SIDES } from '../board/choices.js';
import { t } from '../i18n.js';

export class BalanceStrip extends BoardSection {
  render() {
    const counts = agendaBalance(this.client.state);
    const total = SIDES.reduce((sum, side) => sum + (counts[side] ?? 0), 0);
    return html`
      <div class="balance" data-testid="balance-strip">
        <h3 id="balance-heading">${t('balanceHeading')}</h3>
        <div class="balance-bar" aria-hidden="true">
          ${SIDES.map((side) => html`<span class="side-${side}" ${flexGrow(counts[side] ?? 0)}></span>`)}
          ${total === 0 ? html`<span class="side-none"></span>` : ''}
        </div>
        <ul class="balance-counts" aria-labelledby="balance-heading">
          ${SIDES.map((side) => html`
            <li data-testid="balance-${side}" data-count=${counts[side] ?? 0}>
              <span class="swatch side-${side}" aria-hidden="true"></span>
              ${t(`sides.${side}`)}: ${t('balanceCount', { n: counts[side] ?? 0 })}</li>`)}
        </ul>
        ${this.isFacilitator && !familyHasProposed(counts) ? html`
          <p class="notice prompt" data-testid="family-prompt">${t('familyPrompt')}</p>` : ''}
      </div>`;
  }
}
customElements.define('aan-balance-strip', BalanceStrip);
