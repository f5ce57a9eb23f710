// One agenda item: what it is about, who brought it in (and whether late), and during the
// meeting whether it is being discussed, its time, notes and status.
import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import './text-field.js';
import './agenda-timer.js';
import { roleLabel, t } from '../i18n.js';
import { changedBy, mayRemove, mayRename, removeItem } from './removal.js';

const STATUSES = ['open', 'done', 'postponed'];

/** ctx: {client, items, index, meeting (bool), readOnly, facilitator, currentId, move(index, step), remove(id)} */
export function agendaItemRow(ctx, item) {
  const { client, index, readOnly: ro } = ctx;
  const n = index + 1;
  const current = ctx.meeting && item.id === ctx.currentId;
  return html`
    <li class="item-row status-${item.status ?? 'open'} ${current ? 'current' : ''}" data-testid="agenda-item"
      data-id=${item.id} data-current=${String(current)} data-late=${String(Boolean(item.late))}
      data-status=${item.status ?? 'open'}>
      ${current ? html`<p class="current-badge" data-testid="agenda-item-current-badge">${t('currentBadge')}</p>` : ''}
      <aan-text-field .client=${client} .entityId=${item.id} field="title" hideLabel
        label=${t('agendaItemTitle', { n })} testid="agenda-item-title" ?disabled=${ro || !mayRename(client, item)}></aan-text-field>
      <p class="item-meta">
        <span class="muted" data-testid="agenda-item-proposer" data-role=${item.proposedByRole ?? ''}>
          ${proposer(client, item)}
        </span>
        ${item.late ? html`<span class="badge late" data-testid="agenda-item-late">${t('lateBadge')}</span>` : ''}
        <span class="muted" data-testid="changed-by">${changedBy(item)}</span>
      </p>
      ${ctx.meeting ? meetingControls(ctx, item, n) : ''}
      ${ro ? '' : html`
        <div class="row-controls">
          <button type="button" class="icon" aria-label=${t('moveUp', { n })} title=${t('moveUp', { n })}
            data-testid="agenda-item-up" ?disabled=${index === 0} @click=${() => ctx.move(index, -1)}>↑</button>
          <button type="button" class="icon" aria-label=${t('moveDown', { n })} title=${t('moveDown', { n })}
            data-testid="agenda-item-down" ?disabled=${index === ctx.items.length - 1} @click=${() => ctx.move(index, 1)}>↓</button>
          ${mayRemove(client, item) ? html`
            <button type="button" class="icon danger" aria-label=${t('removeAgendaItem', { n })} title=${t('removeAgendaItem', { n })}
              data-testid="agenda-item-remove"
              @click=${() => removeItem(client, item, item.title || t('agendaItemTitle', { n }))}>✕</button>` : ''}
        </div>`}
    </li>`;
}

function meetingControls(ctx, item, n) {
  const { client, readOnly: ro } = ctx;
  const statusId = `status-${item.id}`;
  const boxId = `box-${item.id}`;
  return html`
    <div class="item-meeting">
      ${ctx.facilitator && item.id !== ctx.currentId ? html`
        <button type="button" data-testid="agenda-item-make-current" aria-label=${t('makeCurrentLabel', { n })}
          @click=${() => client.set('board', 'currentItem', item.id)}>${t('makeCurrent')}</button>` : ''}
      <div class="item-fields">
        <div>
          <label class="field-label" for=${boxId}>${t('timebox')}<span class="visually-hidden">: ${t('agendaItemTitle', { n })}</span></label>
          <input id=${boxId} type="number" min="0" max="240" inputmode="numeric" class="timebox"
            data-testid="agenda-item-timebox" ?disabled=${ro} .value=${live(item.timeboxMinutes == null ? '' : String(item.timeboxMinutes))}
            @change=${(e) => setTimebox(client, item.id, e.target.value)}>
        </div>
        <div>
          <label class="field-label" for=${statusId}>${t('status')}<span class="visually-hidden">: ${t('agendaItemTitle', { n })}</span></label>
          <select id=${statusId} data-testid="agenda-item-status" ?disabled=${ro} .value=${live(item.status ?? 'open')}
            @change=${(e) => client.set(item.id, 'status', e.target.value)}>
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${(item.status ?? 'open') === s}>${t(`agendaStatus.${s}`)}</option>`)}
          </select>
        </div>
      </div>
      <aan-agenda-timer .client=${client} .item=${item} n=${n} ?controls=${ctx.facilitator}></aan-agenda-timer>
      <aan-text-field .client=${client} .entityId=${item.id} field="notes" multiline
        label=${t('notesLabel', { n })} testid="agenda-item-notes" ?disabled=${ro}></aan-text-field>
    </div>`;
}

function setTimebox(client, id, text) {
  const minutes = text === '' ? null : Math.max(0, Math.min(240, Math.round(Number(text))));
  if (minutes === null || Number.isFinite(minutes)) client.set(id, 'timeboxMinutes', minutes);
}

// Template items have no proposer; our own new item has none either until the server's
// stamped copy arrives, so only a confirmed item without one counts as the template's.
function proposer(client, item) {
  if (item.proposedByName) return t('proposedBy', { name: item.proposedByName, role: roleLabel(item.proposedByRole) });
  const confirmed = client.sync.confirmed.entities[item.id];
  return confirmed && !confirmed.proposedBy ? t('fromTemplate') : '';
}
