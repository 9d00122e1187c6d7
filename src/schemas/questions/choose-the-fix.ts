/**
 * Choose the fix: one vulnerable snippet and three or four proposed changes to it, written as
 * unified diffs. Exactly one removes the flaw without breaking what the snippet is for; the
 * others are changes a practitioner might plausibly make (a partial fix, a fix that breaks the
 * feature, a fix in the wrong place). Scored right or wrong, like single choice.
 */

import { Prose } from '../vocabulary.ts';
import { z } from '../zod.ts';
import { CodeSchema, questionBase, requireUnique } from './common.ts';
import { DiffText, diffFitProblem, diffMarkProblems } from './diff.ts';

export const FixSchema = z.strictObject({
	/** Short stable id, unique within the question (e.g. `a`, `allow-list`). */
	id: z.string().regex(/^[a-z0-9-]{1,20}$/, {
		error: 'fix ids are short lower-case labels such as "a" or "allow-list"',
	}),
	/**
	 * The change as a unified diff against `code.source`: every line starts with " " (unchanged),
	 * "-" (removed) or "+" (added); "@@" lines may separate changes far apart. Unchanged and removed
	 * lines must copy the snippet exactly and in order, or the build stops naming the line.
	 */
	diff: DiffText('fix diff'),
	/** True for the one fix that removes the flaw and keeps the snippet's behaviour. */
	correct: z.boolean().default(false),
	/** Why this fix works, or what it misses or breaks. Required on every fix. */
	explanation: Prose('fix explanation'),
});

export const ChooseTheFixSchema = z
	.strictObject({
		type: z.literal('choose-the-fix'),
		...questionBase,
		/** The vulnerable snippet every fix is a diff against. */
		code: CodeSchema,
		/** Three or four fixes; exactly one has `correct: true`. Shown in a shuffled order. */
		fixes: z
			.array(FixSchema)
			.min(3, { error: 'a choose-the-fix question needs at least three fixes' })
			.max(4, { error: 'a choose-the-fix question has at most four fixes' }),
	})
	.superRefine((q, ctx) => {
		const correct = q.fixes.filter((f) => f.correct).length;
		if (correct !== 1) {
			ctx.addIssue({
				code: 'custom',
				path: ['fixes'],
				message: `question "${q.id}": exactly one fix needs correct: true (found ${correct})`,
			});
		}
		requireUnique(
			q.fixes,
			(f) => f.id,
			'fix id',
			(i) => ['fixes', i, 'id'],
			ctx,
		);
		requireUnique(
			q.fixes,
			(f) => f.diff,
			'fix diff',
			(i) => ['fixes', i, 'diff'],
			ctx,
		);
		q.fixes.forEach((f, i) => {
			const problems = diffMarkProblems(f.diff);
			const fit = problems.length === 0 ? diffFitProblem(f.diff, q.code.source) : undefined;
			for (const p of fit ? [fit] : problems) {
				ctx.addIssue({
					code: 'custom',
					path: ['fixes', i, 'diff'],
					message: `question "${q.id}", fix "${f.id}": ${p.message}`,
				});
			}
		});
	});
export type ChooseTheFixQuestion = z.output<typeof ChooseTheFixSchema>;
