// The words of the board's choices, declared once for every page: what each field that takes one of a few words
// accepts (the twin of the oneOf rules of org.aantafel.board.BoardSchema), the sides of the table (Side) and what
// the series report counts by (SeriesReport's Verdicts and Actions). The shared vectors (rule-vectors.json, group
// choices) hold this module equal to the Java side; pages import the words from here instead of repeating them.

const words = (...list) => Object.freeze(list);

// Kind -> field -> its words, in the order the server declares them.
export const FIELD_CHOICES = Object.freeze({
  board: Object.freeze({
    phase: words('prepare', 'checkin', 'goal', 'agenda', 'agreements', 'lookback', 'closed'),
    language: words('nl', 'en'),
    template: words('empty', 'driehoeksgesprek', 'startgesprek', 'zorgoverleg', 'ouderavond', 'webinar'),
  }),
  agendaItem: Object.freeze({
    status: words('open', 'done', 'postponed'),
    timer: words('start', 'pause', 'reset'),
  }),
  agreement: Object.freeze({ stance: words('agree', 'disagree') }),
  action: Object.freeze({ status: words('open', 'done') }),
  goalCheck: Object.freeze({ verdict: words('met', 'partly', 'not') }),
  evaluation: Object.freeze({
    topic: words('child', 'possibilities', 'connection', 'involveChildren', 'parentExpertise', 'supportParents',
      'workTogether', 'stayClose', 'positive'),
  }),
  question: Object.freeze({ moderation: words('pending', 'approved', 'hidden') }),
});

export const AGENDA_STATUSES = FIELD_CHOICES.agendaItem.status;
export const STANCES = FIELD_CHOICES.agreement.stance;
export const ACTION_STATUSES = FIELD_CHOICES.action.status;
export const VERDICTS = FIELD_CHOICES.goalCheck.verdict;
export const TOPICS = FIELD_CHOICES.evaluation.topic;
export const TEMPLATES = FIELD_CHOICES.board.template;

// The sides of the table, in the order the balance strip and the series report show them.
export const SIDES = words('family', 'school', 'care', 'other');
// The sides the balance shows (strip and big screen): who else proposed something counts, but is no side of it.
export const BALANCE_SIDES = Object.freeze(SIDES.filter((side) => side !== 'other'));

// What became of a series' actions: done on time, done late, open past the due date, open and not yet due.
export const SERIES_OUTCOMES = words('onTime', 'late', 'overdue', 'open');
