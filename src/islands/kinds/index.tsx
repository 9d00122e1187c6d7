/**
 * Question views by kind. Adding a kind: one view here (the type checker names a missing one).
 */
import type { JSX } from 'react';
import type { Question, QuestionType } from '../../schemas/quiz.ts';
import { MultipleView, SingleView } from './Choice.tsx';
import { ChooseTheFixView } from './ChooseTheFix.tsx';
import { OrderingView } from './Ordering.tsx';
import { ReviewTheChangeView } from './ReviewTheChange.tsx';
import { ScenarioView } from './Scenario.tsx';
import { SpotTheLineView } from './SpotTheLine.tsx';
import { TrueFalseView } from './TrueFalse.tsx';
import type { ViewProps } from './types.ts';

const views = {
	single: SingleView,
	multiple: MultipleView,
	'true-false': TrueFalseView,
	ordering: OrderingView,
	'spot-the-line': SpotTheLineView,
	'choose-the-fix': ChooseTheFixView,
	'review-the-change': ReviewTheChangeView,
	scenario: ScenarioView,
	// biome-ignore lint/suspicious/noExplicitAny: each view has its own answer type.
} satisfies { [K in QuestionType]: (props: ViewProps<Extract<Question, { type: K }>, any>) => JSX.Element };

export function QuestionView(props: ViewProps) {
	// biome-ignore lint/suspicious/noExplicitAny: the view is picked by the runtime type.
	const View = views[props.question.type] as (p: ViewProps<any, any>) => JSX.Element;
	return <View {...props} />;
}
