/** Pieces shared by every question kind. */

import { Prose, ProvisionIdSchema, SlugIdSchema } from '../vocabulary.ts';
import { z } from '../zod.ts';

/** Fields every question has, whatever its kind. */
export const questionBase = {
	/** Stable id, unique within the quiz. Stored answers are keyed by it: never reuse an id for a different question. */
	id: SlugIdSchema,
	/** The question, in Markdown-free plain text. */
	prompt: Prose('prompt'),
	/** Provision ids this question checks (optional), for reports and audit evidence. */
	provisions: z.array(ProvisionIdSchema).optional(),
};

export const LANGUAGES = ['typescript', 'javascript', 'python', 'bash', 'yaml', 'json', 'text'] as const;

/** A code snippet shown with a question. */
export const CodeSchema = z.strictObject({
	/** Language for highlighting and screen-reader labels. */
	language: z.enum(LANGUAGES, {
		error: `code.language must be one of ${LANGUAGES.join(', ')}`,
	}),
	/** The code itself; use a YAML block scalar (`|`). */
	source: Prose('code.source'),
});

/** An answer option for choice questions. */
export const OptionSchema = z.strictObject({
	/** Short stable id, unique within the question (e.g. `a`, `b`). */
	id: z.string().regex(/^[a-z0-9-]{1,20}$/, {
		error: 'option ids are short lower-case labels such as "a" or "rate-limit"',
	}),
	/** The option text. */
	text: Prose('option text'),
	/** True for a correct option. Leave out for wrong ones. */
	correct: z.boolean().default(false),
	/** Why this option is right or wrong. Learners see it after answering. Required on every option. */
	explanation: Prose('option explanation'),
	/** Keep this option in place when options are shuffled (e.g. "none of the above"). */
	pinned: z.boolean().default(false),
});

type Ctx = z.core.$RefinementCtx;

/** Adds an issue for each repeated value of `key` in `items`. */
export function requireUnique<T>(
	items: readonly T[],
	key: (item: T) => string,
	label: string,
	path: (i: number) => (string | number)[],
	ctx: Ctx,
): void {
	const seen = new Map<string, number>();
	items.forEach((item, i) => {
		const k = key(item).trim().toLowerCase();
		const first = seen.get(k);
		if (first !== undefined) {
			ctx.addIssue({
				code: 'custom',
				path: path(i),
				message: `${label} ${JSON.stringify(key(item))} repeats item ${first + 1}: make each one distinct`,
			});
		} else {
			seen.set(k, i);
		}
	});
}
