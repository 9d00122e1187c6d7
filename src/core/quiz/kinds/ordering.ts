import type { OrderingQuestion } from '../../../schemas/questions/ordering.ts';
import { z } from '../../../schemas/zod.ts';
import { shuffle } from '../shuffle.ts';
import { credit, type QuestionKind } from './types.ts';

export type OrderingAnswer = { order: string[] };

/**
 * Partial credit: the share of pairs of steps that are in the right relative order (Kendall's
 * tau as a fraction). Swapping two neighbours out of five steps still earns 0.9; a reversed list
 * earns 0. An order that is not a permutation of the steps earns nothing.
 */
export function pairCredit(correct: readonly string[], given: readonly string[]): number {
	if (given.length !== correct.length || new Set(given).size !== given.length) return 0;
	const pos = new Map(given.map((id, i) => [id, i]));
	if (correct.some((id) => !pos.has(id))) return 0;
	let right = 0;
	let pairs = 0;
	for (let i = 0; i < correct.length; i++) {
		for (let j = i + 1; j < correct.length; j++) {
			pairs++;
			if ((pos.get(correct[i] as string) as number) < (pos.get(correct[j] as string) as number)) right++;
		}
	}
	return pairs === 0 ? 1 : right / pairs;
}

export const ordering: QuestionKind<OrderingQuestion, OrderingAnswer> = {
	answerSchema: z.strictObject({ order: z.array(z.string().max(40)).max(20) }),
	isAnswered: (q, a) => a !== undefined && a.order.length === q.items.length,
	score(q, a) {
		const correctIds = q.items.map((i) => i.id);
		const given = a?.order ?? [];
		const earned = credit(pairCredit(correctIds, given));
		const text = new Map(q.items.map((i) => [i.id, i.text]));
		return {
			questionId: q.id,
			credit: earned,
			correct: earned === 1,
			answered: ordering.isAnswered(q, a),
			yourAnswer: given.map((id, n) => `${n + 1}. ${text.get(id) ?? '?'}`),
			correctAnswer: q.items.map((i, n) => `${n + 1}. ${i.text}`),
			feedback: q.items.map((item, n) => ({
				label: item.text,
				chosen: given.indexOf(item.id) + 1,
				expected: n + 1,
				explanation: item.explanation,
			})),
		};
	},
	arrange: (q, seed) => {
		const items = shuffle(q.items, `${seed}:${q.id}`);
		// A shuffle that happens to give the right order teaches nothing: rotate it by one.
		const same = items.every((it, i) => it.id === q.items[i]?.id);
		return {
			...q,
			items: same && items.length > 1 ? [...items.slice(1), items[0] as (typeof items)[number]] : items,
		};
	},
};
