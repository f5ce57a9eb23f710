// A poll's result: per option a bar and its numbers in words ("2 of 3 chose: Yes"), shared by the board
// and the big screen. The bar is only decoration (aria-hidden): the words say everything.
import { html } from 'lit';
import { flexGrow } from './flex-grow.js';
import { pollOptions, pollResults } from '../board/polls.js';
import { t } from '../i18n.js';

export function pollBars(state, pollId) {
  const options = pollOptions(state.entities[pollId]);
  const { counts, answered } = pollResults(state, pollId);
  return html`
    <p class="poll-answered" data-testid="poll-answered" data-count=${answered}>${t('poll.answered', { n: answered })}</p>
    <ul class="poll-results" data-testid="poll-results">
      ${options.map((option, i) => html`
        <li data-testid="poll-result" data-index=${i} data-count=${counts[i]}>
          <span class="poll-bar" aria-hidden="true"><span class="poll-bar-fill" ${flexGrow(counts[i])}></span><span
            class="poll-bar-rest" ${flexGrow(answered - counts[i])}></span></span>
          <span class="poll-words" data-testid="poll-result-words">${t('poll.chose', { n: counts[i], total: answered, option })}</span>
        </li>`)}
    </ul>`;
}
