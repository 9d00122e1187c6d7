/**
 * What this site publishes about a lab so that anyone can run a recorded pass again: the lab's
 * current revision, its language, the function the harness calls, the harness and both suites.
 * Not the reference solution. Served as `/labs/<id>.suite.json` (src/pages/labs/[id].suite.json.ts)
 * and read by the verify page and the team report; `npm run certify` builds the same value from
 * the content files.
 *
 * Only the current revision is published: a pass recorded on an older revision cannot be run
 * again, and is reported as such (recheck.ts).
 *
 * Example:
 * {
 *   "format": "secure-ai-academy/lab-suite", "version": 1,
 *   "id": "markdown-image-exfiltration", "revision": 1, "title": "…",
 *   "language": "javascript", "entry": "renderAnswer", "harness": "function labSetup(input, record) { … }",
 *   "functional": [ …cases as in functional.yaml… ], "attacks": [ …cases as in attacks.yaml… ]
 * }
 */

import { LabCaseSchema, LabLanguageSchema } from '../../schemas/lab.ts';
import { z } from '../../schemas/zod.ts';
import type { Lab } from './load.ts';
import type { RunnableLab } from './run.ts';

export const LAB_SUITE_FORMAT = 'secure-ai-academy/lab-suite';
export const LAB_SUITE_VERSION = 1;
/** Longest harness published (characters); today's harnesses are a few kilobytes. */
export const MAX_HARNESS_CHARS = 200_000;

export const LabSuiteSchema = z.strictObject({
	format: z.literal(LAB_SUITE_FORMAT),
	version: z.literal(LAB_SUITE_VERSION),
	/** The lab's id (its folder under content/labs/). */
	id: z
		.string()
		.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
		.max(60),
	/** The revision this site publishes; passes on other revisions cannot be re-run. */
	revision: z.int().min(1),
	/** The lab's title, for messages. */
	title: z.string().min(1).max(200),
	/** javascript or typescript (TypeScript is type-stripped before it runs). */
	language: LabLanguageSchema,
	/** The function the harness calls. */
	entry: z.string().regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/),
	/** The harness JavaScript (may be empty). */
	harness: z.string().max(MAX_HARNESS_CHARS),
	/** Legitimate behaviour that must keep working. */
	functional: z.array(LabCaseSchema).max(40),
	/** What the attacker tries. */
	attacks: z.array(LabCaseSchema).max(40),
});
export type LabSuite = z.output<typeof LabSuiteSchema>;

/** The published suite of a lab (everything but the starter and the reference). */
export function publishedSuite(lab: Lab): LabSuite {
	return {
		format: LAB_SUITE_FORMAT,
		version: LAB_SUITE_VERSION,
		id: lab.data.id,
		revision: lab.data.revision,
		title: lab.data.title,
		language: lab.data.language,
		entry: lab.data.entry,
		harness: lab.harness,
		functional: lab.functional,
		attacks: lab.attacks,
	};
}

/** What the runner needs of a published suite. */
export function runnableOf(suite: LabSuite): RunnableLab {
	return {
		data: { entry: suite.entry, language: suite.language },
		harness: suite.harness,
		functional: suite.functional,
		attacks: suite.attacks,
	};
}
