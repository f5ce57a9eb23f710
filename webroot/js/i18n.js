// Dutch and English texts. Written for a parent reading on a phone: short, concrete words,
// no jargon. Keys are English so code reads naturally; {name} marks a parameter.
const STORAGE_KEY = 'aantafel.language';

const texts = {
  nl: {
    appName: 'Aan Tafel',
    tagline: 'Samen aan tafel: ouders, school en zorg zien hetzelfde doel, dezelfde agenda en dezelfde afspraken.',
    language: 'Taal',
    // start page
    newBoard: 'Nieuw gesprek klaarzetten',
    boardTitle: 'Naam van het gesprek',
    boardTitleHint: 'Bijvoorbeeld: Gesprek over Sam, groep 6',
    boardLanguage: 'Taal van het gesprek',
    template: 'Opzet',
    templateEmpty: 'Leeg',
    create: 'Klaarzetten',
    creating: 'Bezig…',
    createFailed: 'Het gesprek kon niet worden klaargezet. Probeer het nog eens.',
    linksIntro: 'Het gesprek staat klaar. Deel de juiste link met de juiste mensen. Wie de link heeft, kan meedoen; bewaar ze dus goed.',
    linkFacilitator: 'Gespreksleider',
    linkFacilitatorHelp: 'Voor wie het gesprek leidt. Kan alles aanpassen en het gesprek afsluiten. Houd deze link voor jezelf.',
    linkParticipant: 'Deelnemers',
    linkParticipantHelp: 'Voor iedereen aan tafel: ouders, leerling en professionals. Zij kunnen punten toevoegen en meeschrijven.',
    linkViewer: 'Meekijken',
    linkViewerHelp: 'Alleen kijken, niets veranderen.',
    linkProjector: 'Groot scherm',
    linkProjectorHelp: 'Voor de beamer of het scherm in de kamer. Alleen kijken, grote letters.',
    copy: 'Kopieer',
    copyLink: 'Kopieer de link voor {who}',
    copied: 'Gekopieerd',
    openBoard: 'Open het gesprek als gespreksleider',
    // join
    joinTitle: 'Wie ben je?',
    joinIntro: 'De anderen zien je naam en je rol. Je hebt geen account nodig.',
    yourName: 'Je naam',
    yourRole: 'Je rol',
    chooseRole: 'Kies je rol',
    join: 'Doe mee',
    changeMe: 'Naam of rol wijzigen',
    roles: {
      parent: 'Ouder of verzorger',
      student: 'Leerling',
      teacher: 'Leraar of mentor',
      'care-coordinator': 'Zorgcoördinator',
      'youth-care': 'Jeugdhulpverlener',
      'parent-supporter': 'Ouderondersteuner',
      other: 'Anders',
    },
    // board
    loading: 'Het gesprek wordt geladen…',
    noToken: 'Deze link is niet compleet. Vraag de gespreksleider om de link opnieuw te sturen.',
    fatal403: 'Deze link werkt niet (meer). Vraag de gespreksleider om een nieuwe link.',
    fatal404: 'Dit gesprek bestaat niet.',
    readOnly: 'Je kijkt mee. Je kunt niets veranderen.',
    title: 'Naam van het gesprek',
    goalHeading: 'Doel',
    goalQuestion: 'Wanneer gaat iedereen tevreden naar huis?',
    agendaHeading: 'Agenda',
    agendaEmpty: 'Er staan nog geen punten op de agenda. Iedereen mag een punt toevoegen.',
    addAgendaItem: 'Punt toevoegen',
    agendaItemTitle: 'Agendapunt {n}',
    moveUp: 'Punt {n} omhoog',
    moveDown: 'Punt {n} omlaag',
    remove: 'Verwijder',
    removeAgendaItem: 'Verwijder agendapunt {n}',
    status: 'Status',
    agendaStatus: { open: 'Nog bespreken', discussing: 'Nu aan de beurt', done: 'Besproken' },
    actionsHeading: 'Afspraken: wie doet wat wanneer',
    actionsEmpty: 'Nog geen afspraken.',
    addAction: 'Afspraak toevoegen',
    actionWhat: 'Wat',
    actionWho: 'Wie',
    actionDue: 'Wanneer klaar',
    actionLabel: 'Afspraak {n}',
    removeAction: 'Verwijder afspraak {n}',
    actionStatus: { open: 'Nog te doen', done: 'Gedaan' },
    presenceHeading: 'Aan tafel',
    presenceEmpty: 'Nog niemand.',
    online: 'online',
    offlinePerson: 'niet online',
    you: 'jij',
    typingIn: 'schrijft in: {field}',
    // connection
    connected: 'Verbonden',
    reconnecting: 'Opnieuw verbinden…',
    offline: 'Geen verbinding',
    unsaved: { one: '{n} wijziging nog niet opgeslagen', other: '{n} wijzigingen nog niet opgeslagen' },
    // errors
    dismiss: 'Sluiten',
    error400: 'Deze wijziging kon niet worden opgeslagen.',
    error403: 'Je mag dit niet veranderen.',
    error404: 'Dit gesprek bestaat niet meer.',
    error409: 'Deze wijziging botste met die van een ander. Je ziet nu weer de laatste versie.',
    error413: 'Deze tekst is te lang om op te slaan.',
    errorLostEdits: 'Een paar wijzigingen van toen je geen verbinding had, konden niet worden opgeslagen.',
    errorRefused: 'De server weigerde een bericht.',
    errorOther: 'Er ging iets mis bij het opslaan.',
  },
  en: {
    appName: 'Aan Tafel',
    tagline: 'Together at the table: parents, school and care see the same goal, the same agenda and the same agreements.',
    language: 'Language',
    newBoard: 'Set up a new meeting',
    boardTitle: 'Name of the meeting',
    boardTitleHint: 'For example: Meeting about Sam, year 4',
    boardLanguage: 'Language of the meeting',
    template: 'Layout',
    templateEmpty: 'Empty',
    create: 'Set up',
    creating: 'Working…',
    createFailed: 'The meeting could not be set up. Please try again.',
    linksIntro: 'The meeting is ready. Share the right link with the right people. Anyone with a link can take part, so keep them safe.',
    linkFacilitator: 'Facilitator',
    linkFacilitatorHelp: 'For the person leading the meeting. Can change everything and close the meeting. Keep this link to yourself.',
    linkParticipant: 'Participants',
    linkParticipantHelp: 'For everyone at the table: parents, student and professionals. They can add points and write along.',
    linkViewer: 'Watch along',
    linkViewerHelp: 'Only watching, cannot change anything.',
    linkProjector: 'Big screen',
    linkProjectorHelp: 'For the projector or screen in the room. Only watching, large text.',
    copy: 'Copy',
    copyLink: 'Copy the link for {who}',
    copied: 'Copied',
    openBoard: 'Open the meeting as facilitator',
    joinTitle: 'Who are you?',
    joinIntro: 'The others will see your name and your role. You do not need an account.',
    yourName: 'Your name',
    yourRole: 'Your role',
    chooseRole: 'Choose your role',
    join: 'Join',
    changeMe: 'Change name or role',
    roles: {
      parent: 'Parent or carer',
      student: 'Student',
      teacher: 'Teacher or mentor',
      'care-coordinator': 'Care coordinator',
      'youth-care': 'Youth care professional',
      'parent-supporter': 'Parent supporter',
      other: 'Other',
    },
    loading: 'Loading the meeting…',
    noToken: 'This link is incomplete. Ask the facilitator to send the link again.',
    fatal403: 'This link does not work (any more). Ask the facilitator for a new link.',
    fatal404: 'This meeting does not exist.',
    readOnly: 'You are watching along. You cannot change anything.',
    title: 'Name of the meeting',
    goalHeading: 'Goal',
    goalQuestion: 'When does everyone go home satisfied?',
    agendaHeading: 'Agenda',
    agendaEmpty: 'There are no points on the agenda yet. Everyone may add one.',
    addAgendaItem: 'Add a point',
    agendaItemTitle: 'Agenda point {n}',
    moveUp: 'Move point {n} up',
    moveDown: 'Move point {n} down',
    remove: 'Remove',
    removeAgendaItem: 'Remove agenda point {n}',
    status: 'Status',
    agendaStatus: { open: 'Still to discuss', discussing: 'Now being discussed', done: 'Discussed' },
    actionsHeading: 'Agreements: who does what by when',
    actionsEmpty: 'No agreements yet.',
    addAction: 'Add an agreement',
    actionWhat: 'What',
    actionWho: 'Who',
    actionDue: 'Done by',
    actionLabel: 'Agreement {n}',
    removeAction: 'Remove agreement {n}',
    actionStatus: { open: 'To do', done: 'Done' },
    presenceHeading: 'At the table',
    presenceEmpty: 'Nobody yet.',
    online: 'online',
    offlinePerson: 'not online',
    you: 'you',
    typingIn: 'writing in: {field}',
    connected: 'Connected',
    reconnecting: 'Reconnecting…',
    offline: 'No connection',
    unsaved: { one: '{n} change not yet saved', other: '{n} changes not yet saved' },
    dismiss: 'Close',
    error400: 'This change could not be saved.',
    error403: 'You are not allowed to change this.',
    error404: 'This meeting no longer exists.',
    error409: 'This change clashed with someone else\'s. You now see the latest version again.',
    error413: 'This text is too long to save.',
    errorLostEdits: 'Some changes made while you had no connection could not be saved.',
    errorRefused: 'The server refused a message.',
    errorOther: 'Something went wrong while saving.',
  },
};

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

export const roleKeys = Object.keys(texts.en.roles);

/** A role's label; roles the app does not know (yet) are shown as given. */
export function roleLabel(role) {
  return texts[current].roles[role] ?? role ?? '';
}
