/** Multiple select: one or more correct options; the learner ticks every one that applies. */
import { z } from '../zod.ts';
import { CodeSchema, OptionSchema, questionBase, requireUnique } from './common.ts';

export const MultipleSelectSchema = z
	.strictObject({
		type: z.literal('multiple'),
		...questionBase,
		code: CodeSchema.optional(),
		/** Three to ten options; at least one correct and at least one wrong. */
		options: z
			.array(OptionSchema)
			.min(3, { error: 'a multiple-select question needs at least three options' })
			.max(10, { error: 'a multiple-select question has at most ten options' }),
	})
	.superRefine((q, ctx) => {
		const correct = q.options.filter((o) => o.correct).length;
		if (correct === 0) {
			ctx.addIssue({
				code: 'custom',
				path: ['options'],
				message: 'a multiple-select question needs at least one option with correct: true',
			});
		}
		if (correct === q.options.length) {
			ctx.addIssue({
				code: 'custom',
				path: ['options'],
				message: 'every option is correct: add at least one wrong option so the question tests judgement',
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
export type MultipleSelectQuestion = z.output<typeof MultipleSelectSchema>;
