/**
 * Shared vocabularies for content files. Each list is the single source of the allowed
 * values; labels for display live in `src/core/progress/labels.ts`.
 */
import { z } from './zod.ts';

/** The roles the Code of Practice addresses (§2 of the Code), plus "organisations" for Principle 1. */
export const ROLES = [
	'developers',
	'system-operators',
	'data-custodians',
	'end-users',
	'affected-entities',
	'organisations',
] as const;
export const RoleSchema = z.enum(ROLES, {
	error: (issue) => `unknown role ${JSON.stringify(issue.input)}: use one of ${ROLES.join(', ')}`,
});
export type Role = z.infer<typeof RoleSchema>;

/**
 * The Code of Practice has 13 principles, numbered 1 to 13: the one place the rule is written.
 * Pages print the counts found in the content (core/catalog/projections.ts), not this number.
 */
export const PRINCIPLE_COUNT = 13;

/** The five lifecycle phases of the Code of Practice, in order. */
export const PHASES = ['design', 'development', 'deployment', 'maintenance', 'end-of-life'] as const;
export const PhaseSchema = z.enum(PHASES, {
	error: (issue) => `unknown lifecycle phase ${JSON.stringify(issue.input)}: use one of ${PHASES.join(', ')}`,
});
export type Phase = z.infer<typeof PhaseSchema>;

/** The tracks a module can belong to. */
export const TRACKS = ['principles', 'ncsc', 'secure-coding', 'ml-complexity'] as const;
export const TrackSchema = z.enum(TRACKS, {
	error: (issue) => `unknown track ${JSON.stringify(issue.input)}: use one of ${TRACKS.join(', ')}`,
});
export type Track = z.infer<typeof TrackSchema>;

export const LEVELS = ['foundation', 'practitioner', 'advanced'] as const;
export const LevelSchema = z.enum(LEVELS, {
	error: (issue) => `unknown level ${JSON.stringify(issue.input)}: use one of ${LEVELS.join(', ')}`,
});
export type Level = z.infer<typeof LevelSchema>;

/**
 * How strongly a provision is worded. `shall` is required, `should` recommended;
 * `shall+should` marks the four provisions that mix both (2.7, 3.1, 3.2, 8.1), counted as required.
 */
export const MODALS = ['shall', 'should', 'shall+should'] as const;
export const ModalSchema = z.enum(MODALS, {
	error: (issue) => `unknown modal ${JSON.stringify(issue.input)}: use one of ${MODALS.join(', ')}`,
});
export type Modal = z.infer<typeof ModalSchema>;

/** A provision id as numbered in the published Code (January 2025), e.g. `5.4.1`. */
export const ProvisionIdSchema = z.string().regex(/^(?:[1-9]|1[0-3])\.\d{1,2}(?:\.\d{1,2})?$/, {
	error: 'a provision id looks like "5.4" or "5.4.1" (principle.provision[.sub])',
});

/** A stable id for a module or quiz: lower-case words joined by hyphens, e.g. `p01-awareness`. */
export const SlugIdSchema = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
		error: 'an id is lower-case letters and digits joined by hyphens, e.g. "p01-awareness"',
	})
	.max(60, { error: 'keep ids to 60 characters or fewer; they appear in links' });

/** Non-empty, trimmed prose. */
export const Prose = (what: string) =>
	z
		.string({ error: `${what} is required and must be text` })
		.trim()
		.min(1, { error: `${what} must not be empty` });
