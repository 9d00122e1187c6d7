/**
 * Review the assistant's change: a developer asked an AI coding assistant for something (the
 * prompt), and the assistant proposes a diff. The learner accepts or rejects it, marks the lines
 * that make it unsafe, and names the flaw from a short list.
 *
 * Scoring (also stated on screen): a third for the verdict; a third for the lines, scored as
 * spot-the-line scores them ((unsafe lines marked − other lines marked) ÷ unsafe lines, never
 * below zero; on a safe change, the third is earned by marking no line); a third for the flaw. A
 * wrong verdict on a safe change (rejecting it) scores 0 in all.
 */

import { Prose } from '../vocabulary.ts';
import { z } from '../zod.ts';
import { LANGUAGES, questionBase, requireUnique } from './common.ts';
import { DiffText, diffMarkProblems, parseDiff } from './diff.ts';

export const VERDICTS = ['accept', 'reject'] as const;

export const ProposedChangeSchema = z.strictObject({
	/** Language of the code, for labels. */
	language: z.enum(LANGUAGES, { error: `change.language must be one of ${LANGUAGES.join(', ')}` }),
	/**
	 * The assistant's diff, shown as is with line numbers: every line starts with " " (unchanged),
	 * "-" (removed), "+" (added) or "@@" (section header). Use a YAML block scalar (`|`).
	 */
	diff: DiffText('change.diff'),
});

export const UnsafeLineSchema = z.strictObject({
	/** Line number in the diff as displayed, counting from 1 (headers included). */
	line: z.int().min(1, { error: 'line numbers count from 1' }),
	/** Why this added or removed line makes the change unsafe. */
	explanation: Prose('unsafe line explanation'),
});

export const FlawOptionSchema = z.strictObject({
	/** Short stable id, unique within the question. */
	id: z.string().regex(/^[a-z0-9-]{1,20}$/, {
		error: 'flaw ids are short lower-case labels such as "a" or "path-traversal"',
	}),
	/** The flaw as the learner sees it, e.g. "Path traversal through the file name". */
	label: Prose('flaw label'),
	/** True for the flaw this change has (or for the "no flaw" option when the change is safe). */
	correct: z.boolean().default(false),
	/** Marks the option that says the change has no security flaw. At most one per question. */
	noFlaw: z.boolean().default(false),
	/** Why this is, or is not, what is wrong with the change. Required on every option. */
	explanation: Prose('flaw explanation'),
});

export const ReviewTheChangeSchema = z
	.strictObject({
		type: z.literal('review-the-change'),
		...questionBase,
		/** The proposed change. */
		change: ProposedChangeSchema,
		/** Whether a careful reviewer accepts the change as it stands or rejects it. */
		verdict: z.enum(VERDICTS, { error: 'verdict must be accept or reject' }),
		/** Why that verdict is right; shown after answering. */
		verdictExplanation: Prose('verdictExplanation'),
		/**
		 * The added ("+") or removed ("-") lines that make the change unsafe, by their number in the
		 * diff as displayed. At least one when the verdict is reject; none when it is accept.
		 */
		unsafeLines: z.array(UnsafeLineSchema).default([]),
		/** Shown for a line the learner marked that is not unsafe. Optional. */
		otherLines: Prose('otherLines explanation').optional(),
		/** Three to five flaws to choose from; exactly one correct. */
		flaws: z
			.array(FlawOptionSchema)
			.min(3, { error: 'a review-the-change question needs at least three flaw options' })
			.max(5, { error: 'a review-the-change question has at most five flaw options' }),
	})
	.superRefine((q, ctx) => {
		const issue = (path: (string | number)[], message: string) =>
			ctx.addIssue({ code: 'custom', path, message: `question "${q.id}": ${message}` });
		for (const p of diffMarkProblems(q.change.diff)) issue(['change', 'diff'], p.message);
		const lines = parseDiff(q.change.diff);
		const seen = new Set<number>();
		q.unsafeLines.forEach((u, i) => {
			const l = lines[u.line - 1];
			if (!l)
				issue(
					['unsafeLines', i, 'line'],
					`line ${u.line} is past the end of the diff (${lines.length} lines)`,
				);
			else if (l.mark !== 'added' && l.mark !== 'removed')
				issue(
					['unsafeLines', i, 'line'],
					`line ${u.line} ${JSON.stringify(l.text)} is not an added ("+") or removed ("-") line: mark what the change does`,
				);
			if (seen.has(u.line)) issue(['unsafeLines', i, 'line'], `line ${u.line} is listed twice`);
			seen.add(u.line);
		});
		const correct = q.flaws.filter((f) => f.correct);
		if (correct.length !== 1)
			issue(['flaws'], `exactly one flaw option needs correct: true (found ${correct.length})`);
		if (q.flaws.filter((f) => f.noFlaw).length > 1)
			issue(['flaws'], 'at most one option may have noFlaw: true');
		if (q.verdict === 'reject') {
			if (q.unsafeLines.length === 0)
				issue(
					['unsafeLines'],
					'a rejected change needs at least one unsafe line: list the lines that make it unsafe',
				);
			if (correct[0]?.noFlaw)
				issue(['flaws'], 'a rejected change cannot have "no flaw" as its correct option');
		} else {
			if (q.unsafeLines.length > 0)
				issue(['unsafeLines'], 'an accepted change has no unsafe lines: empty the list or reject the change');
			if (correct.length === 1 && !correct[0]?.noFlaw)
				issue(['flaws'], 'an accepted change needs its correct option to be the one with noFlaw: true');
		}
		requireUnique(
			q.flaws,
			(f) => f.id,
			'flaw id',
			(i) => ['flaws', i, 'id'],
			ctx,
		);
		requireUnique(
			q.flaws,
			(f) => f.label,
			'flaw label',
			(i) => ['flaws', i, 'label'],
			ctx,
		);
	});
export type ReviewTheChangeQuestion = z.output<typeof ReviewTheChangeSchema>;
