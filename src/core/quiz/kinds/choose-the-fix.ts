import type { ChooseTheFixQuestion } from '../../../schemas/questions/choose-the-fix.ts';
import { z } from '../../../schemas/zod.ts';
import { shuffle } from '../shuffle.ts';
import { listLabels, selectionFeedback } from './choice.ts';
import type { QuestionKind } from './types.ts';

export type ChooseTheFixAnswer = { choice: string };

/** How a fix is named in answers and feedback: "Fix B" is unstable across shuffles, so its diff is quoted. */
export const fixLabel = (diff: string) => diff.replace(/\n$/, '');

/** Right or wrong, like single choice: one fix removes the flaw and keeps the behaviour. */
export const chooseTheFix: QuestionKind<ChooseTheFixQuestion, ChooseTheFixAnswer> = {
	answerSchema: z.strictObject({ choice: z.string().max(40) }),
	isAnswered: (q, a) => a !== undefined && q.fixes.some((f) => f.id === a.choice),
	score(q, a) {
		const picked = new Set(a ? [a.choice] : []);
		const items = q.fixes.map((f) => ({
			key: f.id,
			label: fixLabel(f.diff),
			expected: f.correct,
			explanation: f.explanation,
		}));
		const correct = q.fixes.some((f) => f.correct && picked.has(f.id));
		return {
			questionId: q.id,
			credit: correct ? 1 : 0,
			correct,
			answered: chooseTheFix.isAnswered(q, a),
			yourAnswer: listLabels(items, (i) => picked.has(i.key)),
			correctAnswer: listLabels(items, (i) => i.expected),
			feedback: selectionFeedback(items, picked),
		};
	},
	arrange: (q, seed) => ({ ...q, fixes: shuffle(q.fixes, `${seed}:${q.id}`) }),
};
