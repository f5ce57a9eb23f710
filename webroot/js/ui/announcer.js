// Tells screen reader users, politely, what others changed: a new phase, the item now being
// discussed, something added, an agenda point's time run out. Typing is not announced; it would
// never stop talking.
import { html } from 'lit';
import { LightElement } from './light-element.js';
import { TimeUpWatch } from './time-up-watch.js';
import { personName } from './people.js';
import { t } from '../i18n.js';

export class Announcer extends LightElement {
  static properties = { client: { attribute: false }, message: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.timeUp = new TimeUpWatch(this.client, (item) => {
      this.message = t('announce.timeUp', { title: item.title || t('untitled') });
    });
    this.onChange = (e) => {
      if (e.detail.remote && !e.detail.reset) this.#announce(e.detail.ops ?? [], e.detail.participantId);
      this.timeUp.check();
    };
    this.client.addEventListener('change', this.onChange);
    this.timeUp.check();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.client.removeEventListener('change', this.onChange);
    this.timeUp.stop();
  }

  render() {
    return html`<div class="visually-hidden" role="status" aria-live="polite" data-testid="announcer">${this.message ?? ''}</div>`;
  }

  // Who did it, when presence knows them: "something was added" alone leaves a listener guessing.
  #announce(ops, participantId) {
    const sentences = [...new Set(ops.map((op) => this.#sentence(op)).filter(Boolean))];
    if (sentences.length === 0) return;
    const what = sentences.join('. ');
    const name = participantId ? personName(this.client, participantId) : '';
    this.message = name ? t('announce.by', { name, what }) : what;
  }

  #sentence(op) {
    const state = this.client.state;
    if (op.type === 'create' || op.type === 'reveal') return t(`announce.created.${op.kind}`);
    if (op.type === 'delete' || op.type === 'conceal') return t('announce.removed');
    if (op.type !== 'set') return null;
    if (op.id === 'board' && op.field === 'phase') return t('announce.phase', { phase: t(`phases.${op.value}`) });
    if (op.id === 'board' && op.field === 'currentItem' && op.value) {
      return t('announce.currentItem', { title: state.entities[op.value]?.title || t('untitled') });
    }
    if (op.id === 'board' && op.field === 'agendaFrozen') return t(op.value ? 'announce.frozen' : 'announce.unfrozen');
    if (op.field === 'timerStartedAt') return t(op.value ? 'announce.timerStarted' : 'announce.timerStopped');
    return null;
  }
}
customElements.define('aan-announcer', Announcer);
