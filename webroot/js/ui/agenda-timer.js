// An agenda item's timer, counted in the server's time so every screen shows the same. The
// facilitator starts, pauses and resets it; the server turns those into timestamps.
import { html } from 'lit';
import { LightElement } from './light-element.js';
import { overTimeMs, timeboxMs, timerElapsedMs } from '../board/meeting-rules.js';
import { t } from '../i18n.js';

export function clock(ms) {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export class AgendaTimer extends LightElement {
  static properties = {
    client: { attribute: false },
    item: { attribute: false },
    n: { type: Number },
    controls: { type: Boolean },
  };

  updated() {
    // Tick only while running; a paused timer needs no re-rendering.
    const running = Boolean(this.item?.timerStartedAt);
    if (running && !this.ticker) this.ticker = setInterval(() => this.requestUpdate(), 1000);
    if (!running && this.ticker) this.#stopTicking();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.#stopTicking();
  }

  render() {
    const item = this.item;
    const now = this.client.serverNow();
    const elapsed = timerElapsedMs(item, now);
    const boxMs = timeboxMs(item);
    const running = Boolean(item.timerStartedAt);
    const overMs = overTimeMs(item, now);
    const over = overMs !== null;
    const n = this.n;
    return html`
      <div class="timer ${running ? 'running' : ''} ${over ? 'over' : ''}">
        <span class="timer-display" data-testid="timer-display" data-running=${String(running)}
          data-elapsed-seconds=${Math.floor(elapsed / 1000)}>
          <span class="visually-hidden">${t('timer')}: </span>
          ${boxMs ? t('timerOf', { elapsed: clock(elapsed), box: clock(boxMs) }) : clock(elapsed)}
          ${running ? html`<span class="muted">(${t('timerRunning')})</span>` : ''}
          ${over ? html`<strong class="over-label" data-testid="timer-over">${t('timerOverBy', { over: clock(overMs) })}</strong>` : ''}
        </span>
        ${this.controls ? html`
          <span class="timer-controls">
            ${running
              ? this.#control('pause', 'timerPause', n)
              : this.#control('start', 'timerStart', n)}
            ${this.#control('reset', 'timerReset', n, !running && !item.timerElapsedMs)}
          </span>` : ''}
      </div>`;
  }

  #control(command, key, n, disabled = false) {
    return html`<button type="button" data-testid="timer-${command}" ?disabled=${disabled}
      aria-label=${t('timerControlLabel', { action: t(key), n })}
      @click=${() => this.client.set(this.item.id, 'timer', command)}>${t(key)}</button>`;
  }

  #stopTicking() {
    clearInterval(this.ticker);
    this.ticker = null;
  }
}
customElements.define('aan-agenda-timer', AgendaTimer);
