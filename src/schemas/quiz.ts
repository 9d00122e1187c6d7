/**
 * A quiz: one YAML file per quiz in `quizzes/`. See `quizzes/README.md` for a worked example.
 * Editors can autocomplete against `quizzes/quiz.schema.json`, generated from this file
 * by `npm run schema`.
 */

import { ChooseTheFixSchema } from './questions/choose-the-fix.ts';
import { requireUnique } from './questions/common.ts';
import { MultipleSelectSchema } from './questions/multiple.ts';
import { OrderingSchema } from './questions/ordering.ts';
import { ReviewTheChangeSchema } from './questions/review-the-change.ts';
import { BASIC_QUESTION_SCHEMAS, ScenarioSchema } from './questions/scenario.ts';
import { SingleChoiceSchema } from './questions/single.ts';
import { SpotTheLineSchema } from './questions/spot-the-line.ts';
import { TrueFalseSchema } from './questions/true-false.ts';
import { Prose, SlugIdSchema } from './vocabulary.ts';
import { z } from './zod.ts';

/** Every question kind, keyed by its `type`. Adding a kind: one file in `questions/`, one line here. */
export const QUESTION_SCHEMAS = {
	single: SingleChoiceSchema,
	multiple: MultipleSelectSchema,
	'true-false': TrueFalseSchema,
	ordering: OrderingSchema,
	'spot-the-line': SpotTheLineSchema,
	'choose-the-fix': ChooseTheFixSchema,
	'review-the-change': ReviewTheChangeSchema,
	scenario: ScenarioSchema,
} as const;
export type QuestionType = keyof typeof QUESTION_SCHEMAS;
export const QUESTION_TYPES = Object.keys(QUESTION_SCHEMAS) as QuestionType[];

export const QuestionSchema = z.discriminatedUnion(
	'type',
	[...BASIC_QUESTION_SCHEMAS, ChooseTheFixSchema, ReviewTheChangeSchema, ScenarioSchema],
	{
		error: (issue) =>
			issue.code === 'invalid_union'
				? `unknown question type ${JSON.stringify((issue.input as { type?: unknown } | undefined)?.type)}: use one of ${QUESTION_TYPES.join(', ')}`
				: undefined,
	},
);
export type Question = z.output<typeof QuestionSchema>;

export const QuizSchema = z
	.strictObject({
		/** Stable id, e.g. `p01-awareness`. Progress is stored under it: never rename a published quiz. */
		id: SlugIdSchema,
		/** Revision number, starting at 1. Raise it whenever a question or its answer changes meaning. */
		revision: z.int({ error: 'revision must be a whole number, starting at 1' }).min(1),
		/** Title shown above the quiz. */
		title: Prose('title'),
		/** Id of the module this quiz assesses (the module's frontmatter `id`). */
		module: SlugIdSchema,
		/** Score from 0 to 1 needed to pass. Defaults to 0.8 (80%). */
		passMark: z
			.number()
			.min(0.5, { error: 'passMark is a fraction from 0.5 to 1 (0.8 means 80%)' })
			.max(1, { error: 'passMark is a fraction from 0.5 to 1 (0.8 means 80%)' })
			.default(0.8),
		/**
		 * How many questions one attempt draws from the pool (a fresh draw on every retry). Leave out
		 * to ask every question. Principle quizzes use a pool of 14 or more, drawn down to 10.
		 */
		draw: z.int().min(1, { error: 'draw is how many questions an attempt asks: at least 1' }).optional(),
		/** The questions, in their authored order. */
		questions: z.array(QuestionSchema).min(1, { error: 'a quiz needs at least one question' }),
	})
	.superRefine((quiz, ctx) => {
		if (quiz.draw !== undefined && quiz.draw > quiz.questions.length) {
			ctx.addIssue({
				code: 'custom',
				path: ['draw'],
				message: `draw is ${quiz.draw} but the quiz has only ${quiz.questions.length} questions: lower draw or add questions`,
			});
		}
		requireUnique(
			quiz.questions,
			(q) => q.id,
			'question id',
			(i) => ['questions', i, 'id'],
			ctx,
		);
		requireUnique(
			quiz.questions,
			(q) => q.prompt,
			'question prompt',
			(i) => ['questions', i, 'prompt'],
			ctx,
		);
	});
export type Quiz = z.output<typeof QuizSchema>;
export type QuizInput = z.input<typeof QuizSchema>;
