/**
 * Static (no-JavaScript) question views by kind: the third registry beside the kinds' rules
 * (`src/core/quiz/kinds/`) and their island views (`src/islands/kinds/`). `satisfies` makes the
 * type checker name a kind without a static view, and `tests/core/quiz/static-views.test.ts`
 * fails if one is missing, so a new kind cannot silently render nothing.
 */
import type { QuestionType } from '../../schemas/quiz.ts';
import Choice from './Choice.astro';
import ChooseTheFix from './ChooseTheFix.astro';
import Ordering from './Ordering.astro';
import ReviewTheChange from './ReviewTheChange.astro';
import Scenario from './Scenario.astro';
import SpotTheLine from './SpotTheLine.astro';
import TrueFalse from './TrueFalse.astro';

// biome-ignore lint/suspicious/noExplicitAny: each view takes its own kind's props.
type StaticView = (props: any) => unknown;

export const staticViews = {
	single: Choice,
	multiple: Choice,
	'true-false': TrueFalse,
	ordering: Ordering,
	'spot-the-line': SpotTheLine,
	'choose-the-fix': ChooseTheFix,
	'review-the-change': ReviewTheChange,
	scenario: Scenario,
} satisfies Record<QuestionType, StaticView>;

/** Short labels for each kind, shown beside the question number. */
export const KIND_LABELS: Record<QuestionType, string> = {
	single: 'Choose one',
	multiple: 'Choose all that apply',
	'true-false': 'True or false',
	ordering: 'Put in order',
	'spot-the-line': 'Spot the vulnerable line',
	'choose-the-fix': 'Choose the fix',
	'review-the-change': "Review the assistant's change",
	scenario: 'Scenario',
};
