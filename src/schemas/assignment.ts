/**
 * An assignment: what a manager asks a team to study, and by when. The same shape travels in an
 * assignment link (see src/core/assignments/link.ts) and sits in a file under `content/assignments/`
 * (which adds an `id` and builds the page `/assignments/<id>/`). See content/assignments/README.md.
 */

import { requireUnique } from './questions/common.ts';
import { PRINCIPLE_COUNT, Prose, SlugIdSchema } from './vocabulary.ts';
import { z } from './zod.ts';

export const MAX_TITLE_LENGTH = 120;
export const MAX_NOTE_LENGTH = 600;
export const MAX_ASSIGNMENT_ITEMS = 60;
export const MAX_ASSIGNMENT_LABS = 100;

/** Control characters (other than line breaks and tabs in a note) and bidi overrides, which could disguise text. */
const UNSAFE_TEXT = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
const safe = (s: string) => !UNSAFE_TEXT.test(s.replace(/[\n\t]/g, ''));
const SAFE_ERROR = 'contains control or text-direction override characters: retype it as plain text';

/**
 * A due date, `YYYY-MM-DD`, read as that calendar day in the learner's time zone. In YAML, quote
 * it (`due: "2027-03-31"`): unquoted, YAML reads a timestamp, and turns an impossible day such
 * as 2027-02-30 silently into another one, so an unquoted date is refused.
 */
export const DueDateSchema = z.iso.date({
	error: (issue) =>
		issue.input instanceof Date
			? 'write the due date in quotes, e.g. due: "2027-03-31" (unquoted, YAML reads it as a timestamp)'
			: 'a due date looks like 2027-03-31 (year-month-day) and is a real day',
});

/** One thing to study: a whole learning path, the modules of a principle, or one module. */
export const AssignmentItemSchema = z.union(
	[
		z.strictObject({
			/** A learning path id (a file in content/paths/): every module on the path, in its order. */
			path: SlugIdSchema,
		}),
		z.strictObject({
			/** A principle number, 1 to 13: the principle's module(s) in the principles track. */
			principle: z.int().min(1).max(PRINCIPLE_COUNT),
		}),
		z.strictObject({
			/** One module id (the `id` in a module's frontmatter). */
			module: SlugIdSchema,
		}),
	],
	{ error: 'each item is one of { path: <path id> }, { principle: <1-13> } or { module: <module id> }' },
);
export type AssignmentItem = z.output<typeof AssignmentItemSchema>;

/** A stable text key for an item, e.g. `path:developer`, `principle:5`, `module:p05-assets`. */
export function itemKey(item: AssignmentItem): string {
	return 'path' in item
		? `path:${item.path}`
		: 'principle' in item
			? `principle:${item.principle}`
			: `module:${item.module}`;
}

const specFields = {
	/** The team or assignment name learners see, e.g. "Platform team: AI security, Q1". */
	title: Prose('title')
		.max(MAX_TITLE_LENGTH, { error: `keep the title to ${MAX_TITLE_LENGTH} characters` })
		.refine(safe, { error: `the title ${SAFE_ERROR}` }),
	/** When it is due (optional). Past the date, unfinished modules show as overdue. */
	due: DueDateSchema.optional(),
	/** A note to learners (optional), plain text. Anything typed here goes into the link. */
	note: z
		.string()
		.trim()
		.max(MAX_NOTE_LENGTH, { error: `keep the note to ${MAX_NOTE_LENGTH} characters` })
		.refine(safe, { error: `the note ${SAFE_ERROR}` })
		.optional(),
	/** What to study, in order: paths, principles and single modules (duplicates are merged). */
	items: z
		.array(AssignmentItemSchema)
		.min(1, { error: 'assign at least one path, principle or module' })
		.max(MAX_ASSIGNMENT_ITEMS, { error: `assign at most ${MAX_ASSIGNMENT_ITEMS} items` }),
	/**
	 * Hands-on labs to do as well (optional): lab ids, the folder names in content/labs/, in the
	 * order to do them. The builder fills it with the labs of the chosen modules when "Include the
	 * labs of these modules" is ticked. Labs are listed with the learner's status; completing the
	 * assignment still means completing its modules. In a link it needs link format 2 (link.ts).
	 */
	labs: z
		.array(SlugIdSchema)
		.min(1, { error: 'leave out `labs` when no lab is assigned' })
		.max(MAX_ASSIGNMENT_LABS, { error: `assign at most ${MAX_ASSIGNMENT_LABS} labs` })
		.optional(),
};

const uniqueItems = (
	a: { items: AssignmentItem[]; labs?: string[] | undefined },
	ctx: z.core.$RefinementCtx,
) => {
	requireUnique(a.items, itemKey, 'item', (i) => ['items', i], ctx);
	if (a.labs)
		requireUnique(
			a.labs,
			(id) => id,
			'lab',
			(i) => ['labs', i],
			ctx,
		);
};

/** An assignment as a manager gives it (the content of a link). */
export const AssignmentSpecSchema = z.strictObject(specFields).superRefine(uniqueItems);
export type AssignmentSpec = z.output<typeof AssignmentSpecSchema>;

/** A file in content/assignments/: the same fields, plus a permanent id. */
export const AssignmentFileSchema = z
	.strictObject({
		/** Permanent id; becomes the page /assignments/<id>/ and keys learners' stored progress. */
		id: SlugIdSchema.max(50, { error: 'keep assignment ids to 50 characters or fewer' }),
		...specFields,
	})
	.superRefine(uniqueItems);
export type AssignmentFile = z.output<typeof AssignmentFileSchema>;
