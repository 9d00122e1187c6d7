import type { TrueFalseQuestion } from '../../../schemas/questions/true-false.ts';
import { z } from '../../../schemas/zod.ts';
import type { QuestionKind } from './types.ts';

export type TrueFalseAnswer = { value: boolean };

const word = (v: boolean) => (v ? 'True' : 'False');

export const trueFalse: QuestionKind<TrueFalseQuestion, TrueFalseAnswer> = {
	answerSchema: z.strictObject({ value: z.boolean() }),
	isAnswered: (_q, a) => a !== undefined,
	score(q, a) {
		const correct = a !== undefined && a.value === q.answer;
		return {
			questionId: q.id,
			credit: correct ? 1 : 0,
			correct,
			answered: a !== undefined,
			yourAnswer: a === undefined ? [] : [word(a.value)],
			correctAnswer: [word(q.answer)],
			feedback: [true, false].map((v) => ({
				label: word(v),
				chosen: a?.value === v,
				expected: q.answer === v,
				explanation: v ? q.ifTrue : q.ifFalse,
			})),
		};
	},
	arrange: (q) => q,
};
