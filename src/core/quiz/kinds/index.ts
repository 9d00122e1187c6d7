/**
 * The registry of question kinds: one entry per `type` in `src/schemas/quiz.ts`.
 * Adding a kind: its schema (`src/schemas/questions/<kind>.ts`), its rules here
 * (`src/core/quiz/kinds/<kind>.ts`), its view (`src/islands/kinds/`). `satisfies` makes the type
 * checker name any kind that is missing.
 */
import type { Question, QuestionType } from '../../../schemas/quiz.ts';
import { chooseTheFix } from './choose-the-fix.ts';
import { multiple } from './multiple.ts';
import { ordering } from './ordering.ts';
import { reviewTheChange } from './review-the-change.ts';
import { scenario } from './scenario.ts';
import { single } from './single.ts';
import { spotTheLine } from './spot-the-line.ts';
import { trueFalse } from './true-false.ts';
import type { QuestionKind, QuestionResult } from './types.ts';

export const questionKinds = {
	single,
	multiple,
	'true-false': trueFalse,
	ordering,
	'spot-the-line': spotTheLine,
	'choose-the-fix': chooseTheFix,
	'review-the-change': reviewTheChange,
	scenario,
	// biome-ignore lint/suspicious/noExplicitAny: each kind has its own answer type.
} satisfies { [K in QuestionType]: QuestionKind<Extract<Question, { type: K }>, any> };

// biome-ignore lint/suspicious/noExplicitAny: the registry is indexed by the runtime `type`.
type AnyKind = QuestionKind<any, any>;

export function kindOf(question: Question): AnyKind {
	return questionKinds[question.type] as AnyKind;
}

/** Validates a stored answer for a question; invalid answers are treated as blank. */
export function validAnswer(question: Question, answer: unknown): unknown {
	if (answer === undefined) return undefined;
	const r = kindOf(question).answerSchema.safeParse(answer);
	return r.success ? r.data : undefined;
}

export function scoreQuestion(question: Question, answer: unknown): QuestionResult {
	return kindOf(question).score(question, validAnswer(question, answer));
}

export function isAnswered(question: Question, answer: unknown): boolean {
	return kindOf(question).isAnswered(question, validAnswer(question, answer));
}

export type { FeedbackLine, QuestionKind, QuestionResult } from './types.ts';
