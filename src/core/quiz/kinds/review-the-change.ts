import { parseDiff } from '../../../schemas/questions/diff-lines.ts';
import type { ReviewTheChangeQuestion } from '../../../schemas/questions/review-the-change.ts';
import { z } from '../../../schemas/zod.ts';
import { shuffle } from '../shuffle.ts';
import { selectionCredit } from './choice.ts';
import { credit, type FeedbackLine, type QuestionKind } from './types.ts';

export type ReviewTheChangeAnswer = {
	verdict?: 'accept' | 'reject' | undefined;
	lines: number[];
	flaw?: string | undefined;
};

/** The scoring rule in words, shown on screen next to the question and in the review. */
export const REVIEW_SCORING_RULE =
	'Scoring: a third each for the verdict, the lines (as spot-the-line; on a safe change, for marking none) and the flaw. Rejecting a safe change scores 0.';

const lineLabel = (n: number, text: string, mark: string | undefined) =>
	`Line ${n} (${mark ?? 'unchanged'}): ${text.trim()}`;

/** The three parts' credits, each 0 to 1, and the total (see the schema's doc comment). */
export function reviewCredit(
	q: ReviewTheChangeQuestion,
	a: ReviewTheChangeAnswer | undefined,
): { verdict: number; lines: number; flaw: number; total: number } {
	const verdict = a?.verdict === q.verdict ? 1 : 0;
	const marked = new Set((a?.lines ?? []).map(String));
	const diff = parseDiff(q.change.diff);
	const unsafe = new Set(q.unsafeLines.map((u) => u.line));
	const lines =
		q.verdict === 'accept'
			? marked.size === 0 && a !== undefined
				? 1
				: 0
			: selectionCredit(
					diff.map((l) => ({ key: String(l.n), label: '', expected: unsafe.has(l.n), explanation: '' })),
					marked,
				);
	const flaw = q.flaws.some((f) => f.correct && f.id === a?.flaw) ? 1 : 0;
	const total = q.verdict === 'accept' && verdict === 0 ? 0 : (verdict + lines + flaw) / 3;
	return { verdict, lines, flaw, total };
}

/** Partial credit, a third each for verdict, lines and flaw; rejecting a safe change scores 0. */
export const reviewTheChange: QuestionKind<ReviewTheChangeQuestion, ReviewTheChangeAnswer> = {
	answerSchema: z.strictObject({
		verdict: z.enum(['accept', 'reject']).optional(),
		lines: z.array(z.int().min(1).max(400)).max(400),
		flaw: z.string().max(40).optional(),
	}),
	isAnswered: (q, a) =>
		a?.verdict !== undefined && a.flaw !== undefined && q.flaws.some((f) => f.id === a.flaw),
	score(q, a) {
		const c = reviewCredit(q, a);
		const diff = parseDiff(q.change.diff);
		const unsafe = new Map(q.unsafeLines.map((u) => [u.line, u]));
		const marked = new Set(a?.lines ?? []);
		const word = (v: string) => (v === 'accept' ? 'Accept the change' : 'Reject the change');
		const lineFeedback: FeedbackLine[] = diff
			.filter((l) => marked.has(l.n) || unsafe.has(l.n))
			.map((l) => ({
				label: lineLabel(l.n, l.text, l.mark),
				chosen: marked.has(l.n),
				expected: unsafe.has(l.n),
				explanation:
					unsafe.get(l.n)?.explanation ??
					q.otherLines ??
					'This line is not one of the lines that make the change unsafe.',
			}));
		const flawOf = (id: string | undefined) => q.flaws.find((f) => f.id === id);
		const answered =
			a !== undefined && (a.verdict !== undefined || a.flaw !== undefined || a.lines.length > 0);
		return {
			questionId: q.id,
			credit: credit(c.total),
			correct: c.verdict === 1 && c.lines === 1 && c.flaw === 1,
			answered,
			yourAnswer: answered
				? [
						a?.verdict ? word(a.verdict) : 'No verdict',
						marked.size ? `Lines marked: ${[...marked].sort((x, y) => x - y).join(', ')}` : 'No lines marked',
						`Flaw: ${flawOf(a?.flaw)?.label ?? 'none chosen'}`,
					]
				: [],
			correctAnswer: [
				word(q.verdict),
				q.unsafeLines.length
					? `Unsafe lines: ${q.unsafeLines
							.map((u) => u.line)
							.sort((x, y) => x - y)
							.join(', ')}`
					: 'No unsafe lines',
				`Flaw: ${q.flaws.find((f) => f.correct)?.label ?? ''}`,
			],
			feedback: [
				{
					label: `Verdict: ${word(q.verdict)}`,
					chosen: c.verdict === 1,
					expected: true,
					explanation: q.verdictExplanation,
				},
				...lineFeedback,
				...q.flaws.map((f) => ({
					label: `Flaw: ${f.label}`,
					chosen: a?.flaw === f.id,
					expected: f.correct,
					explanation: f.explanation,
				})),
			],
		};
	},
	arrange: (q, seed) => ({ ...q, flaws: shuffle(q.flaws, `${seed}:${q.id}`, (f) => f.noFlaw) }),
};
