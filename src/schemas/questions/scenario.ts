/**
 * Multi-part scenario: one shared situation (and optional code), then two to five sub-questions
 * of the other kinds about it. Credit is the average of the parts.
 */

import { Prose } from '../vocabulary.ts';
import { z } from '../zod.ts';
import { CodeSchema, questionBase, requireUnique } from './common.ts';
import { MultipleSelectSchema } from './multiple.ts';
import { OrderingSchema } from './ordering.ts';
import { SingleChoiceSchema } from './single.ts';
import { SpotTheLineSchema } from './spot-the-line.ts';
import { TrueFalseSchema } from './true-false.ts';

/** The kinds that stand alone or as a scenario part (every kind but the scenario itself). */
export const BASIC_QUESTION_SCHEMAS = [
	SingleChoiceSchema,
	MultipleSelectSchema,
	TrueFalseSchema,
	OrderingSchema,
	SpotTheLineSchema,
] as const;

/** A part of a scenario: any kind except another scenario. */
export const ScenarioPartSchema = z.discriminatedUnion('type', BASIC_QUESTION_SCHEMAS, {
	error: (issue) =>
		issue.code === 'invalid_union'
			? `unknown part type ${JSON.stringify((issue.input as { type?: unknown } | undefined)?.type)}: a scenario part is single, multiple, true-false, ordering or spot-the-line`
			: undefined,
});

export const ScenarioSchema = z
	.strictObject({
		type: z.literal('scenario'),
		...questionBase,
		/** The shared situation every part refers to (a few sentences). */
		scenario: Prose('scenario'),
		/** Optional code or configuration the scenario shows. */
		code: CodeSchema.optional(),
		/** Two to five sub-questions about the scenario. */
		parts: z
			.array(ScenarioPartSchema)
			.min(2, { error: 'a scenario needs at least two parts (use a single question otherwise)' })
			.max(5, { error: 'a scenario has at most five parts' }),
	})
	.superRefine((q, ctx) => {
		requireUnique(
			q.parts,
			(p) => p.id,
			'part id',
			(i) => ['parts', i, 'id'],
			ctx,
		);
	});
export type ScenarioQuestion = z.output<typeof ScenarioSchema>;
export type ScenarioPart = z.output<typeof ScenarioPartSchema>;
