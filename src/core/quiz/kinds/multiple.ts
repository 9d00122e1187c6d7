import type { MultipleSelectQuestion } from '../../../schemas/questions/multiple.ts';
import { z } from '../../../schemas/zod.ts';
import { shuffle } from '../shuffle.ts';
import { listLabels, selectionCredit, selectionFeedback } from './choice.ts';
import { credit, type QuestionKind } from './types.ts';

export type MultipleAnswer = { choices: string[] };

/** Partial credit: see `selectionCredit` (right picks − wrong picks) / right answers, floor 0. */
export const multiple: QuestionKind<MultipleSelectQuestion, MultipleAnswer> = {
	answerSchema: z.strictObject({ choices: z.array(z.string().max(40)).max(20) }),
	isAnswered: (q, a) => !!a?.choices.some((c) => q.options.some((o) => o.id === c)),
	score(q, a) {
		const picked = new Set(a?.choices ?? []);
		const items = q.options.map((o) => ({
			key: o.id,
			label: o.text,
			expected: o.correct,
			explanation: o.explanation,
		}));
		const earned = credit(selectionCredit(items, picked));
		const exact = items.every((i) => i.expected === picked.has(i.key));
		return {
			questionId: q.id,
			credit: earned,
			correct: exact,
			answered: multiple.isAnswered(q, a),
			yourAnswer: listLabels(items, (i) => picked.has(i.key)),
			correctAnswer: listLabels(items, (i) => i.expected),
			feedback: selectionFeedback(items, picked),
		};
	},
	arrange: (q, seed) => ({ ...q, options: shuffle(q.options, `${seed}:${q.id}`, (o) => o.pinned) }),
};
