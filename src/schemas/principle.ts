/**
 * A principle of the Code of Practice for the Cyber Security of AI, with all its provisions.
 * One YAML file per principle in `content/principles/` (e.g. `p05.yaml`).
 * Numbering follows the published Code of 31 January 2025, not the 2024 draft.
 */

import {
	ModalSchema,
	PhaseSchema,
	PRINCIPLE_COUNT,
	Prose,
	ProvisionIdSchema,
	RoleSchema,
} from './vocabulary.ts';
import { z } from './zod.ts';

export const ProvisionSchema = z.strictObject({
	/** The provision number exactly as in the published Code, e.g. `8.1.2`. */
	id: ProvisionIdSchema,
	/** `shall` (required), `should` (recommended) or `shall+should` (mixed; counted as required). */
	modal: ModalSchema,
	/** True where the provision also contains a permissive "may" clause (e.g. 8.3). */
	may: z.boolean().default(false),
	/** Who the provision names. Use `organisations` where it addresses the organisation as a whole. */
	who: z.array(RoleSchema).min(1, { error: 'name at least one role in `who`' }),
	/** Optional qualifier on who, in our words, e.g. "where part of the Developer's organisation". */
	whoNote: z.string().trim().min(1).optional(),
	/** A short title in our words (a few words), used in chips and tables. */
	title: Prose('provision title').max(90, { error: 'keep a provision title under 90 characters' }),
	/** What the provision asks, in our own words (one to three sentences). Never quote the Code. */
	summary: Prose('provision summary'),
});
export type Provision = z.output<typeof ProvisionSchema>;

export const PrincipleSchema = z
	.strictObject({
		/** Principle number, 1 to 13. */
		number: z
			.int()
			.min(1)
			.max(PRINCIPLE_COUNT, {
				error: `the Code has ${PRINCIPLE_COUNT} principles: number is 1 to ${PRINCIPLE_COUNT}`,
			}),
		/** The principle's title exactly as published in the Code. */
		title: Prose('title'),
		/** A one-paragraph summary in our words. */
		summary: Prose('summary'),
		/** The lifecycle phase the Code places this principle in. */
		phase: PhaseSchema,
		/** The matching clause in ETSI TS 104 223 / EN 304 223, e.g. `5.2.1`. */
		etsiClause: z.string().regex(/^5\.[1-5]\.[1-5]$/, {
			error: 'an ETSI clause looks like "5.2.1" (5.<phase>.<principle in phase>)',
		}),
		/** The roles in the Code's "Primarily applies to" line (empty for Principle 10, which has none). */
		primaryRoles: z.array(RoleSchema),
		/** Numbers (1-17) of the NCSC/CISA sub-guidelines this principle corresponds to. */
		ncsc: z.array(z.int().min(1).max(17, { error: 'NCSC sub-guidelines are numbered 1 to 17' })),
		/** Every provision of the principle, in the Code's order. */
		provisions: z.array(ProvisionSchema).min(1, { error: 'a principle has at least one provision' }),
	})
	.superRefine((p, ctx) => {
		const seen = new Set<string>();
		p.provisions.forEach((prov, i) => {
			if (!prov.id.startsWith(`${p.number}.`)) {
				ctx.addIssue({
					code: 'custom',
					path: ['provisions', i, 'id'],
					message: `provision ${prov.id} does not belong to principle ${p.number}: its id must start with "${p.number}."`,
				});
			}
			if (seen.has(prov.id)) {
				ctx.addIssue({
					code: 'custom',
					path: ['provisions', i, 'id'],
					message: `provision ${prov.id} appears twice: each provision id must be unique`,
				});
			}
			seen.add(prov.id);
		});
	});
export type Principle = z.output<typeof PrincipleSchema>;

/** One NCSC/CISA sub-guideline (Guidelines for secure AI system development, Nov 2023). */
export const NcscGuidelineSchema = z.strictObject({
	/** 1 to 17, in the order the guidelines print them. */
	number: z.int().min(1).max(17),
	/** One of the four areas. */
	area: z.enum(['design', 'development', 'deployment', 'operation']),
	/** The sub-guideline title exactly as printed. */
	title: Prose('title'),
	/** What it asks, in our words. */
	summary: Prose('summary'),
});
export type NcscGuideline = z.output<typeof NcscGuidelineSchema>;
