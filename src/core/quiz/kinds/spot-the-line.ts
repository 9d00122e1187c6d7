import type { SpotTheLineQuestion } from '../../../schemas/questions/spot-the-line.ts';
import { z } from '../../../schemas/zod.ts';
import { selectionCredit } from './choice.ts';
import { credit, type QuestionKind } from './types.ts';

export type SpotTheLineAnswer = { lines: number[] };

/** The snippet's lines, without a trailing newline. */
export function codeLines(source: string): string[] {
	return source.replace(/\n$/, '').split('\n');
}

/** Partial credit as for multiple select: (vulnerable lines picked − other lines picked) / vulnerable lines. */
export const spotTheLine: QuestionKind<SpotTheLineQuestion, SpotTheLineAnswer> = {
	answerSchema: z.strictObject({ lines: z.array(z.int().min(1).max(200)).max(200) }),
	isAnswered: (_q, a) => a !== undefined && a.lines.length > 0,
	score(q, a) {
		const lines = codeLines(q.code.source);
		const marked = new Map(q.lines.map((l) => [l.line, l]));
		const picked = new Set((a?.lines ?? []).map(String));
		const items = lines.map((text, i) => {
			const m = marked.get(i + 1);
			return {
				key: String(i + 1),
				label: `Line ${i + 1}: ${text.trim()}`,
				expected: m?.vulnerable === true,
				explanation: m?.explanation ?? q.otherLines,
			};
		});
		const earned = credit(selectionCredit(items, picked));
		const exact = items.every((i) => i.expected === picked.has(i.key));
		const labelsWhere = (keep: (k: string, expected: boolean) => boolean) =>
			items.filter((i) => keep(i.key, i.expected)).map((i) => i.label);
		return {
			questionId: q.id,
			credit: earned,
			correct: exact,
			answered: picked.size > 0,
			yourAnswer: labelsWhere((k) => picked.has(k)),
			correctAnswer: labelsWhere((_k, e) => e),
			// Feedback for lines the learner picked, the vulnerable ones, and the explained decoys.
			feedback: items
				.filter((i) => picked.has(i.key) || i.expected || marked.has(Number(i.key)))
				.map((i) => ({
					label: i.label,
					chosen: picked.has(i.key),
					expected: i.expected,
					explanation: i.explanation,
				})),
		};
	},
	arrange: (q) => q,
};
