/**
 * A glossary term: one item in the YAML list `content/glossary.yaml`. Each term gets a page at
 * `/glossary/<slug>/` and is searchable in the finder.
 */

import { Prose, ProvisionIdSchema, SlugIdSchema } from './vocabulary.ts';
import { z } from './zod.ts';

export const GlossaryTermSchema = z.strictObject({
	/** The term as it is usually written, e.g. "Membership inference". */
	term: Prose('term').max(80),
	/** URL slug, permanent once published, e.g. `membership-inference`. */
	slug: SlugIdSchema,
	/** Other names or abbreviations the finder should match, e.g. ["MIA"]. */
	aliases: z.array(Prose('alias')).default([]),
	/** Our own definition: one to four sentences, plain language, no quotation from sources. */
	definition: Prose('definition').max(900, { error: 'keep a definition under 900 characters' }),
	/** Ids of modules that teach the term (at least one). */
	modules: z.array(SlugIdSchema).min(1, { error: 'link each term to at least one module that teaches it' }),
	/** Provision ids the term relates to, if any. */
	provisions: z.array(ProvisionIdSchema).default([]),
	/** Slugs of related glossary terms. */
	related: z.array(SlugIdSchema).default([]),
});
export type GlossaryTerm = z.output<typeof GlossaryTermSchema>;
