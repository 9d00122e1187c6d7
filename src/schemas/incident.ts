/**
 * A real, dated incident, CVE or published result: one item in the YAML list
 * `content/incidents.yaml`. Modules cite incidents by id in their frontmatter (`incidents:`),
 * and the module page lists them with links to their sources. Every fact comes from the team's
 * incident sheet or a primary public source named in `sources`; nothing unverified is stated.
 */

import { Prose, SlugIdSchema } from './vocabulary.ts';
import { z } from './zod.ts';

/** A CVE id as assigned, e.g. `CVE-2025-32711`. */
export const CveIdSchema = z.string().regex(/^CVE-\d{4}-\d{4,}$/, {
	error: 'a CVE id looks like "CVE-2025-32711"',
});

/**
 * An OWASP Top 10 for LLM Applications id with its edition, e.g. `LLM01:2025`. The edition is
 * part of the id so that ids from two editions (which number the risks differently) are never
 * mixed up; it must be an edition listed in content/sources.yaml.
 */
export const OwaspLlmIdSchema = z.string().regex(/^LLM(?:0[1-9]|10):20\d\d$/, {
	error: 'an OWASP LLM id names its edition, e.g. "LLM01:2025"',
});

/** A MITRE ATLAS technique or case-study id, e.g. `AML.T0051.001` or `AML.CS0016`. */
export const AtlasIdSchema = z.string().regex(/^AML\.(?:T\d{4}(?:\.\d{3})?|CS\d{4})$/, {
	error: 'an ATLAS id looks like "AML.T0051", "AML.T0051.001" or "AML.CS0016"',
});

/** A source for the incident: a record, advisory, paper or write-up, with its public address. */
export const IncidentSourceSchema = z.strictObject({
	/** What the source is, e.g. "CVE-2025-32711 record (CVE Program)". */
	title: Prose('source title').max(200),
	/** Its public https address. */
	url: z.url({ protocol: /^https$/, error: 'a source url must be a full https:// address' }),
});

export const IncidentSchema = z.strictObject({
	/** Stable kebab-case id that modules cite, e.g. `echoleak`. Never rename a published id. */
	id: SlugIdSchema,
	/** Short name as the incident is known, e.g. "EchoLeak (Microsoft 365 Copilot)". */
	title: Prose('title').max(120),
	/**
	 * Names a lesson may use for it, e.g. ["EchoLeak", "CVE-2025-32711"]. Every module that cites
	 * the incident must name it in its text by at least one of these (a content test checks).
	 */
	names: z.array(Prose('name')).min(1, { error: 'give at least one name a lesson would use for it' }),
	/** When it was published or disclosed: `YYYY-MM` or `YYYY-MM-DD`. */
	date: z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?$/, {
		error: 'a date is "YYYY-MM" or "YYYY-MM-DD", e.g. "2025-06" or "2025-06-11"',
	}),
	/** CVE ids assigned to it; empty when there is none (research results, policy cases). */
	cves: z.array(CveIdSchema).default([]),
	/** What happened, at mechanism level (input, flaw, impact), in our own words. */
	summary: Prose('summary').max(900, { error: 'keep the summary under 900 characters' }),
	/** What would have reduced it: the control a developer can take away. */
	lesson: Prose('lesson').max(400, { error: 'keep the lesson under 400 characters' }),
	/** OWASP Top 10 for LLM Applications ids, with edition (e.g. "LLM01:2025"). May be empty. */
	owasp: z.array(OwaspLlmIdSchema).default([]),
	/** MITRE ATLAS technique or case-study ids. May be empty. */
	atlas: z.array(AtlasIdSchema).default([]),
	/** Where every fact in `summary` comes from: at least one public source. */
	sources: z.array(IncidentSourceSchema).min(1, { error: 'give at least one source for an incident' }),
});
export type Incident = z.output<typeof IncidentSchema>;
