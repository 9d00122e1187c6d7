/**
 * Frontmatter of a lesson module: one MDX file in `content/modules/` (sub-folders allowed).
 * The module's URL is `/modules/<id>/`, so `id` must never change once published.
 */

import {
	LevelSchema,
	PRINCIPLE_COUNT,
	Prose,
	ProvisionIdSchema,
	RoleSchema,
	SlugIdSchema,
	TrackSchema,
} from './vocabulary.ts';
import { z } from './zod.ts';

export const ModuleSchema = z
	.strictObject({
		/** Stable id; becomes the URL `/modules/<id>/`. Never rename a published id. */
		id: SlugIdSchema,
		/** Title shown in headings, cards and the browser tab. */
		title: Prose('title').max(120),
		/** One or two sentences for cards and search results. */
		summary: Prose('summary').max(400, { error: 'keep the summary under 400 characters' }),
		/** The track the module belongs to: principles, ncsc, secure-coding or ml-complexity. */
		track: TrackSchema,
		/** Numbers (1-13) of the Code of Practice principles the module teaches. May be empty. */
		principles: z.array(z.int().min(1).max(PRINCIPLE_COUNT)).default([]),
		/** Provision ids covered, e.g. ["1.1", "1.2.2"]; each must exist in content/principles. */
		provisions: z.array(ProvisionIdSchema).default([]),
		/** Roles the module is written for. */
		roles: z.array(RoleSchema).min(1, { error: 'name at least one role the module is for' }),
		/** foundation, practitioner or advanced. */
		level: LevelSchema,
		/** Estimated minutes to read the module and take its quiz. */
		minutes: z.int().min(1).max(240),
		/** What the learner will be able to do afterwards: two to eight short sentences. */
		objectives: z
			.array(Prose('objective'))
			.min(2, { error: 'give at least two learning objectives' })
			.max(8, { error: 'give at most eight learning objectives' }),
		/** Id of the quiz in `quizzes/` that assesses this module, if any. */
		quiz: SlugIdSchema.optional(),
		/** Position within its track (1 = first). */
		order: z.int().min(0),
		/**
		 * When the content was last checked, and against which source editions: ids from
		 * content/sources.yaml (e.g. `code-of-practice-2025`, `owasp-llm-2025`, `mitre-atlas-5-6`).
		 */
		reviewed: z.strictObject(
			{
				/** Date of the last review (YYYY-MM-DD). */
				on: z.coerce.date({ error: 'reviewed.on must be a date like 2026-12-07' }),
				/** Source editions the content was checked against, each an id in content/sources.yaml. */
				against: z
					.array(SlugIdSchema)
					.min(1, { error: 'name at least one source edition the module was reviewed against' }),
			},
			{ error: 'add reviewed: { on: 2026-12-07, against: [ids from content/sources.yaml] }' },
		),
		/** Replaced by `reviewed`; kept only to give a clear message to old frontmatter. */
		lastReviewed: z
			.never({
				error:
					'lastReviewed was replaced by reviewed: { on: <date>, against: [ids from content/sources.yaml] }',
			})
			.optional(),
		/** Ids of real incidents (content/incidents.yaml) the lesson discusses; shown on its page. */
		incidents: z.array(SlugIdSchema).default([]),
	})
	.superRefine((m, ctx) => {
		const dup = m.provisions.find((p, i) => m.provisions.indexOf(p) !== i);
		if (dup) {
			ctx.addIssue({
				code: 'custom',
				path: ['provisions'],
				message: `provision ${dup} is listed twice`,
			});
		}
		const dupIncident = m.incidents.find((p, i) => m.incidents.indexOf(p) !== i);
		if (dupIncident) {
			ctx.addIssue({
				code: 'custom',
				path: ['incidents'],
				message: `incident ${dupIncident} is listed twice`,
			});
		}
	});
export type ModuleData = z.output<typeof ModuleSchema>;
