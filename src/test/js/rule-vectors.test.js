// The shared rule vectors (src/test/resources/vectors/rule-vectors.json, written by RuleVectorGenerator from the Java
// rules, which RuleVectorsTest holds the file to) against the shipped browser modules: the words of the choices,
// who may remove, restore, delete and change what, how questions and polls are read, and the forms' limits.
import { FIELD_CHOICES, SERIES_OUTCOMES, SIDES, VERDICTS } from '../../../webroot/js/board/choices.js';
import { mayChange, mayDelete, mayRemove, mayRestore } from '../../../webroot/js/board/entity-rules.js';
import { askedOrder, hasVoted, questionVisible, voteCounts } from '../../../webroot/js/board/questions.js';
import { POLL_LIMITS, pollOptions, pollOptionsAccepted, pollResults } from '../../../webroot/js/board/polls.js';
import { INPUT_LIMITS } from '../../../webroot/js/input-limits.js';
import { testVectorGroups } from './vector-groups.js';

const checks = {
  choices(c, expect) {
    expect('fields', FIELD_CHOICES);
    expect('sides', SIDES);
    // The series report counts goal checks by the verdicts a goal check takes.
    expect('seriesVerdicts', VERDICTS);
    expect('seriesOutcomes', SERIES_OUTCOMES);
  },
  rights(c, expect) {
    expect('remove', mayRemove(c.item, c.actor));
    expect('restore', mayRestore(c.item, c.actor));
    expect('delete', mayDelete(c.item, c.actor));
    expect('change', Object.fromEntries(Object.keys(c.change).map((field) => [field, mayChange(c.item, field, c.actor)])));
  },
  questions(c, expect) {
    const { entities } = c.state;
    const visible = Object.keys(entities).filter((id) => entities[id].kind === 'question' && questionVisible(entities[id]));
    expect('visible', visible);
    expect('counts', Object.fromEntries(voteCounts(c.state)));
    expect('asked', visible.map((id) => ({ id, ...entities[id] })).sort(askedOrder).map((q) => q.id));
    expect('voted', c.voted.map(([question, participant]) => [question, participant,
      hasVoted(c.state, question, participant)]));
  },
  polls(c, expect) {
    const polls = Object.keys(c.results);
    const live = (id) => (c.state.entities[id]?.deleted ? undefined : c.state.entities[id]);
    expect('options', Object.fromEntries(polls.map((id) => [id, pollOptions(live(id))])));
    expect('results', Object.fromEntries(polls.map((id) => [id, pollResults(c.state, id).counts])));
  },
  pollOptionLists: (c, expect) => expect('accepted', pollOptionsAccepted(c.value)),
  pollLimits: (c, expect) => expect('limits', POLL_LIMITS),
  inputLimits: (c, expect) => expect('limits', INPUT_LIMITS),
};

testVectorGroups('rule-vectors.json', checks);
