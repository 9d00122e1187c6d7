import type { SingleChoiceQuestion } from '../../../schemas/questions/single.ts';
import { z } from '../../../schemas/zod.ts';
import { shuffle } from '../shuffle.ts';
import { listLabels, selectionFeedback } from './choice.ts';
import type { QuestionKind } from './types.ts';

export type SingleAnswer = { choice: string };

export const single: QuestionKind<SingleChoiceQuestion, SingleAnswer> = {
	answerSchema: z.strictObject({ choice: z.string().max(40) }),
	isAnswered: (q, a) => a !== undefined && q.options.some((o) => o.id === a.choice),
	score(q, a) {
		const picked = new Set(a ? [a.choice] : []);
		const items = q.options.map((o) => ({
			key: o.id,
			label: o.text,
			expected: o.correct,
			explanation: o.explanation,
		}));
		const correct = q.options.some((o) => o.correct && picked.has(o.id));
		return {
			questionId: q.id,
			credit: correct ? 1 : 0,
			correct,
			answered: single.isAnswered(q, a),
			yourAnswer: listLabels(items, (i) => picked.has(i.key)),
			correctAnswer: listLabels(items, (i) => i.expected),
			feedback: selectionFeedback(items, picked),
		};
	},
	arrange: (q, seed) => ({ ...q, options: shuffle(q.options, `${seed}:${q.id}`, (o) => o.pinned) }),
};
