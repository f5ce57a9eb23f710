// /confirm.html#{secret}: the link in the mail that asks a person to confirm their e-mail address.
// The secret travels in the fragment, so it reaches no server log; it leaves the address bar at
// once and goes to the server in a request body.
import { language, t } from './i18n.js';

document.documentElement.lang = language();
document.title = t('confirmTitle');
document.querySelector('[data-testid=confirm-heading]').textContent = t('confirmTitle');
const status = document.querySelector('[data-testid=confirm-status]');

const secret = location.hash.slice(1);
history.replaceState(null, '', location.pathname);

status.textContent = t('confirmBusy');
const answer = secret === '' ? { ok: false, status: 404 } : await fetch('/api/contacts/confirm', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ token: secret }),
}).catch(() => null);
status.dataset.state = answer?.ok ? 'confirmed' : 'failed';
status.textContent = answer?.ok ? t('confirmDone')
  : answer && answer.status < 500 ? t('confirmUnknown') : t('confirmFailed');
