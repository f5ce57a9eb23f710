// Dutch and English texts. Written for a parent reading on a phone: short, concrete words,
// no jargon. Keys are English so code reads naturally; {name} marks a parameter.
import { nl } from './i18n/nl.js';
import { en } from './i18n/en.js';
import { ROLE_SIDES } from './board/meeting-rules.js';

const STORAGE_KEY = 'aantafel.language';

const texts = { nl, en };

export const languages = Object.keys(texts);
export const languageEvents = new EventTarget();

let current = initialLanguage();

function initialLanguage() {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored && texts[stored]) return stored;
  const preferred = (globalThis.navigator?.language ?? 'nl').slice(0, 2).toLowerCase();
  return texts[preferred] ? preferred : 'en';
}

export function language() {
  return current;
}

export function setLanguage(lang) {
  if (!texts[lang] || lang === current) return;
  current = lang;
  globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  languageEvents.dispatchEvent(new Event('change'));
}

/** t('agendaStatus.done'), t('unsaved', {n: 3}); texts with {one, other} pick by n. */
export function t(key, params = {}) {
  const value = key.split('.').reduce((node, part) => node?.[part], texts[current])
    ?? key.split('.').reduce((node, part) => node?.[part], texts.en)
    ?? key;
  const text = value?.one !== undefined ? (params.n === 1 ? value.one : value.other) : value;
  if (typeof text !== 'string') return text;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}

// The roles the server knows (Role, held by the shared vectors), in its order; each language names them all.
export const roleKeys = Object.keys(ROLE_SIDES);

/** A role's label; roles the app does not know (yet) are shown as given. */
export function roleLabel(role) {
  return texts[current].roles[role] ?? role ?? '';
}

/** A calendar date written YYYY-MM-DD, as people read it: "25 november 2026". */
export function longDate(isoDate) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate ?? '')) return isoDate ?? '';
  // The date is a day on the calendar, not a moment: read and written in UTC it is never shifted a day.
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString(current, { dateStyle: 'long', timeZone: 'UTC' });
}
