// Notices the moment a running agenda timer passes its timebox, on every screen, without ticking:
// one timeout for the next timebox to run out. An item counts once per pass: seen over time when
// this page first saw it (joined late, reloaded) it is not news; a reset and a new run make it news again.
import { isTimerRunning, overTimeMs, timeboxMs, timerElapsedMs } from '../board/meeting-rules.js';

export class TimeUpWatch {
  // onTimeUp(item) is called once per item that ran past its timebox while this page watched.
  constructor(client, onTimeUp) {
    this.client = client;
    this.onTimeUp = onTimeUp;
    this.within = new Set(); // ids of running items still within their timebox
  }

  check() {
    clearTimeout(this.timeout);
    const now = this.client.serverNow();
    let nextMs = Infinity;
    for (const [id, item] of Object.entries(this.client.state.entities)) {
      if (item.kind !== 'agendaItem') continue;
      const over = overTimeMs(item, now) !== null;
      if (over && this.within.delete(id)) this.onTimeUp(item);
      else if (!over && isTimerRunning(item) && timeboxMs(item) > 0) {
        this.within.add(id);
        nextMs = Math.min(nextMs, timeboxMs(item) - timerElapsedMs(item, now));
      } else if (!over) this.within.delete(id);
    }
    if (nextMs !== Infinity) this.timeout = setTimeout(() => this.check(), nextMs);
  }

  stop() {
    clearTimeout(this.timeout);
  }
}
