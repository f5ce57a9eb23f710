// One agenda item, compact: its title, who brought it in (and whether late), its timebox, its status
// and, for the item being discussed, its timer. Opening it (a disclosure button) shows what there is
// to work on: the timebox (already while preparing), and during the meeting status, timer and
// notes; moving and removing. The current item is open unless someone closed it here. A timer that
// runs or has run stays in sight on its closed row.
import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import './text-field.js';
import './agenda-timer.js';
import { roleLabel, t } from '../i18n.js';
import { changedBy, mayRemove, mayRename, removeItem } from './removal.js';
import { draft } from './draft.js';
import { AGENDA_STATUSES as STATUSES } from '../board/choices.js';

/** ctx: {client, items, index, meeting (bool), readOnly, facilitator, currentId, move(index, step), isOpen(id), toggle(id)} */
export function agendaItemRow(ctx, item) {
  const { client, index, readOnly: ro } = ctx;
  const n = index + 1;
  const current = ctx.meeting && item.id === ctx.currentId;
  const open = ctx.isOpen(item.id);
  const status = item.status ?? 'open';
  const detailId = `agenda-detail-${item.id}`;
  return html`
    <li class="item-row compact status-${status} ${current ? 'current' : ''} ${open ? 'open' : ''}" data-testid="agenda-item"
      data-id=${item.id} data-current=${String(current)} data-late=${String(Boolean(item.late))}
      data-status=${status} data-open=${String(open)}>
      <div class="item-line">
        <aan-text-field .client=${client} .entityId=${item.id} field="title" hideLabel
          label=${t('agendaItemTitle', { n })} testid="agenda-item-title" ?disabled=${ro || !mayRename(client, item)}></aan-text-field>
        ${ctx.meeting && ctx.facilitator && !current ? html`
          <button type="button" data-testid="agenda-item-make-current" aria-label=${t('makeCurrentLabel', { n })}
            @click=${() => client.set('board', 'currentItem', item.id)}>${t('makeCurrent')}</button>` : ''}
        <button type="button" class="disclosure" data-testid="agenda-item-toggle" aria-expanded=${String(open)}
          aria-controls=${detailId} @click=${() => ctx.toggle(item.id)}>
          <span aria-hidden="true" class="chevron">${open ? '▾' : '▸'}</span>
          ${t('agendaRow.details')}<span class="visually-hidden">: ${t('agendaItemTitle', { n })}</span></button>
      </div>
      <p class="item-meta">
        ${current ? html`<span class="badge current-badge" data-testid="agenda-item-current-badge">${t('currentBadge')}</span>` : ''}
        <span class="muted" data-testid="agenda-item-proposer" data-role=${item.proposedByRole ?? ''}>${proposer(client, item)}</span>
        ${item.late ? html`<span class="badge late" data-testid="agenda-item-late">${t('lateBadge')}</span>` : ''}
        <data class="muted" data-testid="agenda-item-timebox-summary" value=${item.timeboxMinutes ?? ''}>${item.timeboxMinutes
          ? t('agendaRow.minutes', { n: item.timeboxMinutes }) : ''}</data>
        <span class="muted" data-testid="changed-by">${changedBy(item)}</span>
        ${ctx.meeting ? html`<span class="badge status-badge status-${status}" data-testid="agenda-item-status-summary">
          ${t(`agendaStatus.${status}`)}</span>` : ''}
        ${(current || item.timerStartedAt || item.timerElapsedMs) && !open ? html`<aan-agenda-timer .client=${client} .item=${item} n=${n}></aan-agenda-timer>` : ''}
      </p>
      ${open ? detail(ctx, item, n, detailId) : html`<div id=${detailId} hidden></div>`}
    </li>`;
}

function detail(ctx, item, n, detailId) {
  const { client, readOnly: ro } = ctx;
  const boxId = `box-${item.id}`;
  return html`
    <div class="item-detail" id=${detailId} data-testid="agenda-item-detail">
      <div class="item-fields">
        <div>
          <label class="field-label" for=${boxId}>${t('timebox')}<span class="visually-hidden">: ${t('agendaItemTitle', { n })}</span></label>
          <input id=${boxId} type="number" min="0" max="240" inputmode="numeric" class="timebox"
            data-testid="agenda-item-timebox" ?disabled=${ro} .value=${draft(item.timeboxMinutes == null ? '' : String(item.timeboxMinutes))}
            @change=${(e) => setTimebox(client, item.id, e.target.value)}>
        </div>
        ${ctx.meeting ? statusField(ctx, item, n) : ''}
        ${ctx.meeting ? html`<aan-agenda-timer .client=${client} .item=${item} n=${n} ?controls=${ctx.facilitator}></aan-agenda-timer>` : ''}
        ${ro ? '' : html`
          <div class="row-controls">
            <button type="button" class="icon" aria-label=${t('moveUp', { n })} title=${t('moveUp', { n })}
              data-testid="agenda-item-up" ?disabled=${ctx.index === 0} @click=${() => ctx.move(ctx.index, -1)}>↑</button>
            <button type="button" class="icon" aria-label=${t('moveDown', { n })} title=${t('moveDown', { n })}
              data-testid="agenda-item-down" ?disabled=${ctx.index === ctx.items.length - 1} @click=${() => ctx.move(ctx.index, 1)}>↓</button>
            ${mayRemove(client, item) ? html`
              <button type="button" class="icon danger" aria-label=${t('removeAgendaItem', { n })} title=${t('removeAgendaItem', { n })}
                data-testid="agenda-item-remove"
                @click=${() => removeItem(client, item, item.title || t('agendaItemTitle', { n }))}>✕</button>` : ''}
          </div>`}
      </div>
      ${ctx.meeting ? html`
        <aan-text-field .client=${client} .entityId=${item.id} field="notes" multiline
          label=${t('notesLabel', { n })} testid="agenda-item-notes" ?disabled=${ro}></aan-text-field>` : ''}
    </div>`;
}

function statusField(ctx, item, n) {
  const { client, readOnly: ro } = ctx;
  const statusId = `status-${item.id}`;
  return html`
    <div>
      <label class="field-label" for=${statusId}>${t('status')}<span class="visually-hidden">: ${t('agendaItemTitle', { n })}</span></label>
      <select id=${statusId} data-testid="agenda-item-status" ?disabled=${ro} .value=${live(item.status ?? 'open')}
        @change=${(e) => client.set(item.id, 'status', e.target.value)}>
        ${STATUSES.map((s) => html`<option value=${s} ?selected=${(item.status ?? 'open') === s}>${t(`agendaStatus.${s}`)}</option>`)}
      </select>
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
