/**
 * One edition of a source the course is written against (the Code of Practice, an OWASP list,
 * a MITRE ATLAS release...): one item in the YAML list `content/sources.yaml`. A module's
 * `reviewed.against` names these ids; when an edition is retired from the list, every module
 * still citing it fails validation until it is reviewed against the current one.
 */

import { Prose, SlugIdSchema } from './vocabulary.ts';
import { z } from './zod.ts';

export const SourceEditionSchema = z.strictObject({
	/** Stable id that modules cite, edition included, e.g. `owasp-llm-2025`. */
	id: SlugIdSchema,
	/** The source's name, without the edition, e.g. "OWASP Top 10 for LLM Applications". */
	title: Prose('title').max(160),
	/** The edition as its publisher names it, e.g. "2025" or "January 2025" or "data v5.6.0". */
	edition: Prose('edition').max(60),
	/** Publication date of this edition, `YYYY-MM` or `YYYY-MM-DD`; left out when not verified. */
	published: z
		.string()
		.regex(/^\d{4}-(?:0[1-9]|1[0-2])(?:-\d{2})?$/, { error: 'published is "YYYY-MM" or "YYYY-MM-DD"' })
		.optional(),
	/** The publisher's public address for this edition. */
	url: z.url({ protocol: /^https?$/, error: 'url must be a full http(s):// address' }),
	/** A short note for authors and learners, e.g. how this edition numbers its ids. */
	note: Prose('note').max(400).optional(),
});
export type SourceEdition = z.output<typeof SourceEditionSchema>;
