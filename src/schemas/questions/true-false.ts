/** True or false: a statement the learner judges. */

import { Prose } from '../vocabulary.ts';
import { z } from '../zod.ts';
import { questionBase } from './common.ts';

export const TrueFalseSchema = z.strictObject({
	type: z.literal('true-false'),
	...questionBase,
	/** Whether the statement in `prompt` is true. */
	answer: z.boolean({ error: 'answer must be true or false (no quotes)' }),
	/** Shown to a learner who answered "true": why that is right or wrong. */
	ifTrue: Prose('ifTrue explanation'),
	/** Shown to a learner who answered "false": why that is right or wrong. */
	ifFalse: Prose('ifFalse explanation'),
});
export type TrueFalseQuestion = z.output<typeof TrueFalseSchema>;
