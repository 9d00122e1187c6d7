/** Ordering: the learner puts steps in the right sequence. Write `items` in the correct order. */

import { Prose } from '../vocabulary.ts';
import { z } from '../zod.ts';
import { questionBase, requireUnique } from './common.ts';

export const OrderingItemSchema = z.strictObject({
	/** Short stable id, unique within the question. */
	id: z.string().regex(/^[a-z0-9-]{1,20}$/, {
		error: 'item ids are short lower-case labels such as "a" or "scope"',
	}),
	/** The step, as the learner sees it. */
	text: Prose('item text'),
	/** Why this step sits at this place in the sequence. */
	explanation: Prose('item explanation'),
});

export const OrderingSchema = z
	.strictObject({
		type: z.literal('ordering'),
		...questionBase,
		/** Three to eight steps, written in the correct order (they are shuffled for the learner). */
		items: z
			.array(OrderingItemSchema)
			.min(3, { error: 'an ordering question needs at least three items' })
			.max(8, { error: 'an ordering question has at most eight items' }),
	})
	.superRefine((q, ctx) => {
		requireUnique(
			q.items,
			(o) => o.id,
			'item id',
			(i) => ['items', i, 'id'],
			ctx,
		);
		requireUnique(
			q.items,
			(o) => o.text,
			'item text',
			(i) => ['items', i, 'text'],
			ctx,
		);
	});
export type OrderingQuestion = z.output<typeof OrderingSchema>;
