/** Single choice: exactly one correct option. */
import { z } from '../zod.ts';
import { CodeSchema, OptionSchema, questionBase, requireUnique } from './common.ts';

export const SingleChoiceSchema = z
	.strictObject({
		type: z.literal('single'),
		...questionBase,
		/** Optional code the question refers to. */
		code: CodeSchema.optional(),
		/** Two to eight options; exactly one has `correct: true`. */
		options: z
			.array(OptionSchema)
			.min(2, { error: 'a single-choice question needs at least two options' })
			.max(8, { error: 'a single-choice question has at most eight options' }),
	})
	.superRefine((q, ctx) => {
		const correct = q.options.filter((o) => o.correct).length;
		if (correct !== 1) {
			ctx.addIssue({
				code: 'custom',
				path: ['options'],
				message: `a single-choice question needs exactly one option with correct: true (found ${correct}); use type: multiple for several`,
			});
		}
		requireUnique(
			q.options,
			(o) => o.id,
			'option id',
			(i) => ['options', i, 'id'],
			ctx,
		);
		requireUnique(
			q.options,
			(o) => o.text,
			'option text',
			(i) => ['options', i, 'text'],
			ctx,
		);
	});
export type SingleChoiceQuestion = z.output<typeof SingleChoiceSchema>;
