/**
 * A learning path: an ordered list of modules for one role, each step with the reason that role
 * takes it, grounded in provisions of the Code that name the role. One YAML file per path in
 * `content/paths/` (see content/paths/README.md); each builds the page `/paths/<id>/`.
 *
 * Cross-file rules (checked by `npm run validate` and the build, in src/core/catalog/catalog.ts): every
 * module exists; every cited provision exists, is taught by that step's module (it is in the
 * module's `provisions`), and names one of the path's `roles` in its `who`.
 */

import { requireUnique } from './questions/common.ts';
import { Prose, ProvisionIdSchema, RoleSchema, SlugIdSchema } from './vocabulary.ts';
import { z } from './zod.ts';

export const PathStepSchema = z.strictObject({
	/** The module's id (the `id` in its frontmatter). */
	module: SlugIdSchema,
	/** Why this role takes this module, in our own words: one to three sentences. */
	why: Prose('why').max(600, { error: 'keep the reason under 600 characters' }),
	/** Provision ids the reason rests on (at least one), numbered as in the published Code. */
	provisions: z
		.array(ProvisionIdSchema)
		.min(1, { error: 'cite at least one provision that names this role' }),
});
export type PathStep = z.output<typeof PathStepSchema>;

export const LearningPathSchema = z
	.strictObject({
		/** Permanent id; becomes /paths/<id>/ and is stored when a learner chooses the path. */
		id: SlugIdSchema,
		/** The role as people in a team know it, e.g. "Developer". */
		title: Prose('title').max(80),
		/** Who the path is for and what it leaves them able to do: one to three sentences. */
		summary: Prose('summary').max(500, { error: 'keep the summary under 500 characters' }),
		/**
		 * The Code's roles whose provisions the path follows (the `who` of provisions in
		 * content/principles/). Use `organisations` for Principle 1's training provisions.
		 */
		roles: z.array(RoleSchema).min(1, { error: 'name at least one role from the Code' }),
		/** Position on the /paths/ page (1 = first). */
		order: z.int().min(1),
		/** The modules in the order to take them. */
		steps: z
			.array(PathStepSchema)
			.min(2, { error: 'a path has at least two steps' })
			.max(40, { error: 'a path has at most 40 steps' }),
	})
	.superRefine((p, ctx) => {
		requireUnique(
			p.steps,
			(s) => s.module,
			'module',
			(i) => ['steps', i, 'module'],
			ctx,
		);
		p.steps.forEach((s, i) => {
			requireUnique(
				s.provisions,
				(id) => id,
				'provision',
				(j) => ['steps', i, 'provisions', j],
				ctx,
			);
		});
	});
export type LearningPath = z.output<typeof LearningPathSchema>;
