/**
 * A hands-on lab: one folder `content/labs/<id>/` holding
 *
 * - `lab.yaml`        the lab itself (this file's `LabSchema`),
 * - `starter.js|ts`   the vulnerable code the learner starts from,
 * - `reference.js|ts` a fix that passes every case (shown on request or after three failed runs),
 * - `harness.js`      optional: builds the arguments the learner's function receives (fake
 *                     tools, a scripted stand-in model, a fake database) inside the sandbox,
 * - `functional.yaml` the legitimate behaviour that must keep working (`SuiteFileSchema`),
 * - `attacks.yaml`    what the attacker tries (`SuiteFileSchema` with `kind: attack` cases).
 *
 * A lab treats the model as fully attacker-controlled: the attack suite plays the model, the
 * poisoned document and the malicious user deterministically, so grading is exact. Strings in a
 * case's `input` and `expect` may use `{name}` placeholders filled for each run (see `vars`), so
 * every run draws fresh variants, reproducible from the run's seed.
 *
 * Cross-file rules (checked by `npm run validate` and the build, in src/core/labs/load.ts): the
 * module exists, the starter, reference and suites exist, every placeholder is defined, case ids
 * are unique across both suites.
 */

import { Prose, ProvisionIdSchema, SlugIdSchema } from './vocabulary.ts';
import { z } from './zod.ts';

/** Lab levels, from guided to open-ended. */
export const LAB_LEVELS = ['apprentice', 'practitioner', 'expert'] as const;
export const LabLevelSchema = z.enum(LAB_LEVELS, {
	error: (issue) => `unknown lab level ${JSON.stringify(issue.input)}: use one of ${LAB_LEVELS.join(', ')}`,
});

/** Languages a lab can be written in. TypeScript is type-stripped (sucrase) before it runs. */
export const LAB_LANGUAGES = ['javascript', 'typescript'] as const;
export const LabLanguageSchema = z.enum(LAB_LANGUAGES, {
	error: (issue) => `unknown language ${JSON.stringify(issue.input)}: use one of ${LAB_LANGUAGES.join(', ')}`,
});

/** A dotted path into what a run observed, e.g. `result`, `result.html`, `calls.sendEmail.0.to`. */
const ObservedPath = z.string().regex(/^(?:result|thrown|logs|calls)(?:\.[A-Za-z0-9_$-]+)*$/, {
	error:
		'a path starts with result, thrown, logs or calls, then .field or .index parts, e.g. "calls.query.0.sql"',
});

/**
 * One check on what the learner's code did. Exactly one operation per check:
 * `includes` / `excludes` (text), `matches` / `notMatches` (a regular expression; placeholders in
 * it are escaped), `equals` (deep equality with JSON), `calls` (how often a tool was called),
 * `safeHtml` (no script, no event handler, nothing loaded from outside `allowOrigins`),
 * `threw` (whether the function threw).
 */
export const ExpectationSchema = z.union(
	[
		z.strictObject({
			/** Where to look. */
			at: ObservedPath,
			/** Text that must appear (placeholders allowed). */
			includes: z.string().min(1),
			/** Compare without regard to letter case. */
			ignoreCase: z.boolean().optional(),
			/** What it means when this check fails, in the learner's terms. */
			because: Prose('because').optional(),
		}),
		z.strictObject({
			at: ObservedPath,
			/** Text that must not appear (placeholders allowed). */
			excludes: z.string().min(1),
			ignoreCase: z.boolean().optional(),
			because: Prose('because').optional(),
		}),
		z.strictObject({
			at: ObservedPath,
			/** A regular expression the value must match. */
			matches: z.string().min(1),
			/** Regular-expression flags, e.g. "i". */
			flags: z
				.string()
				.regex(/^[imsu]*$/)
				.optional(),
			/** Hold also when nothing is at the path (e.g. the code refused before calling the tool). */
			ifPresent: z.boolean().optional(),
			because: Prose('because').optional(),
		}),
		z.strictObject({
			at: ObservedPath,
			/** A regular expression the value must not match. */
			notMatches: z.string().min(1),
			flags: z
				.string()
				.regex(/^[imsu]*$/)
				.optional(),
			because: Prose('because').optional(),
		}),
		z.strictObject({
			at: ObservedPath,
			/** The value, compared as JSON (placeholders allowed in strings). */
			equals: z.unknown(),
			/** Hold also when nothing is at the path. */
			ifPresent: z.boolean().optional(),
			because: Prose('because').optional(),
		}),
		z.strictObject({
			/** The tool (the name the harness records calls under). */
			tool: z.string().regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/),
			/** How many calls are allowed: an exact number or a range. */
			calls: z.union([
				z.int().min(0),
				z.strictObject({ min: z.int().min(0).optional(), max: z.int().min(0).optional() }),
			]),
			because: Prose('because').optional(),
		}),
		z.strictObject({
			at: ObservedPath,
			/** The value is HTML that loads nothing from origins outside this list and runs no script. */
			safeHtml: z.strictObject({
				/** Origins images and other embedded resources may come from, e.g. "https://docs.example.com". */
				allowOrigins: z.array(z.string().regex(/^https:\/\/[a-z0-9.-]+(?::\d+)?$/)).default([]),
			}),
			because: Prose('because').optional(),
		}),
		z.strictObject({
			/** true: the function must throw (or reject); false: it must not. */
			threw: z.boolean(),
			because: Prose('because').optional(),
		}),
	],
	{
		error:
			'a check is one of: { at, includes } / { at, excludes } / { at, matches } / { at, notMatches } / { at, equals } / { tool, calls } / { at, safeHtml } / { threw }, with an optional "because"',
	},
);
export type Expectation = z.output<typeof ExpectationSchema>;

/**
 * Placeholders for a case: each name maps to a list of alternatives, and each run picks some
 * (seeded). Alternatives may use built-in placeholders: `{secret}` (a fresh random token),
 * `{host}` (a fresh attacker host name), `{n}` (a small random number), and the text functions
 * `{upper:...}`, `{lower:...}`, `{mixcase:...}`, `{urlencode:...}`, `{htmlent:...}`, `{b64:...}`.
 */
const VarsSchema = z.record(
	z
		.string()
		.regex(/^[a-z][a-zA-Z0-9]*$/, { error: 'a placeholder name is a lower-case word, e.g. "payload"' }),
	z.array(z.string()).min(1, { error: 'give at least one alternative' }),
);

export const LabCaseSchema = z.strictObject({
	/** Stable id, unique within the lab (both suites). */
	id: SlugIdSchema,
	/** Short name shown in the results. */
	title: Prose('title').max(120),
	/**
	 * Functional cases: what a legitimate user does. Attack cases: what the attacker tries, as a
	 * short story the learner reads next to the result.
	 */
	story: Prose('story').max(1200),
	/** Attack cases: what would leak or break if the attack got through. */
	impact: Prose('impact').max(600).optional(),
	/** Attack cases: the real incident or CVE the case follows, as named in the reference sheet. */
	incident: Prose('incident').max(200).optional(),
	/** The input handed to the harness (or, without a harness, `{ args: [...] }`). */
	input: z.unknown(),
	/** Placeholders for this case (see above). */
	vars: VarsSchema.optional(),
	/** How many variants each run draws (1-6). Attack cases default to 3, functional ones to 1. */
	draws: z.int().min(1).max(6).optional(),
	/** The checks; all must hold. */
	expect: z.array(ExpectationSchema).min(1, { error: 'give at least one check under expect' }),
});
export type LabCase = z.output<typeof LabCaseSchema>;

export const SuiteFileSchema = z.strictObject({
	/** The cases of this suite, run in this order. */
	cases: z.array(LabCaseSchema).min(1, { error: 'a suite needs at least one case' }).max(40),
});
export type SuiteFile = z.output<typeof SuiteFileSchema>;

/**
 * An optional first stage, "exploit first, then fix": the learner writes the attacker's input
 * (the poisoned document, the email) and runs it against the vulnerable starter, where the lab's
 * harness plays a scripted stand-in assistant that obeys every instruction it finds in its
 * context. When the data leaves, the learner fixes the code; their own attack then runs as an
 * extra attack case ("your attack") next to the suite, and a pass needs both blocked.
 */
export const ExploitSchema = z.strictObject({
	/** What the learner must make happen, in one or two sentences (shown above the text field). */
	goal: Prose('goal').max(600),
	/** The label of the text field: what the learner controls, e.g. "The email the attacker sends". */
	slot: Prose('slot').max(120),
	/**
	 * What the stand-in assistant obeys, as the page tells the learner (the harness is the
	 * authority; keep the two in step).
	 */
	obeys: Prose('obeys').max(800),
	/** The text the field starts with: empty, or a payload that does NOT work yet. */
	payload: z.string().max(2000).default(''),
	/**
	 * The input handed to the harness, like a case's input. The placeholder `{payload}` (required,
	 * exactly where the learner's text goes) is replaced by the learner's text as written; the
	 * built-ins (`{secret}`, `{host}`, `{n}`) are drawn afresh for each run.
	 */
	input: z.unknown(),
	/**
	 * What counts as the data leaving: checks in the suites' vocabulary that ALL hold when the
	 * attack worked (e.g. the rendered HTML holds an image whose URL carries `{secret}`). The attack
	 * is blocked when any of them fails. In a `matches` check, a named group `(?<leak>...)` marks the
	 * part the page highlights (otherwise the whole match).
	 */
	leaked: z.array(ExpectationSchema).min(1, { error: 'give at least one check under leaked' }),
	/** What the page shows after an attack run: a label and a path into what the run observed. */
	show: z
		.array(z.strictObject({ label: Prose('label').max(120), at: ObservedPath }))
		.min(1, { error: 'name at least one thing to show, e.g. { label: "What the page shows", at: result }' })
		.max(4),
});
export type ExploitData = z.output<typeof ExploitSchema>;

export const LabSchema = z.strictObject({
	/** Stable id: the folder name and the URL `/labs/<id>/`. Progress is stored under it. */
	id: SlugIdSchema,
	/** Raise when the suites or the task change meaning; a pass records the revision. */
	revision: z.int().min(1),
	/** Title shown in headings and cards. */
	title: Prose('title').max(120),
	/** One or two sentences for the labs index and the module page. */
	summary: Prose('summary').max(400),
	/** The module (id in content/modules/) the lab practises. */
	module: SlugIdSchema,
	/** Position on the labs index (1 = first). */
	order: z.int().min(1),
	/** apprentice, practitioner or expert. */
	level: LabLevelSchema,
	/** javascript or typescript: the starter, reference and learner code are in this language. */
	language: LabLanguageSchema,
	/** Code of Practice provisions the lab practises, e.g. ["2.2", "9.4.1"]. */
	provisions: z.array(ProvisionIdSchema).default([]),
	/** OWASP ids, e.g. "LLM05:2025" or "ML06:2023". */
	owasp: z
		.array(z.string().regex(/^(?:LLM|ML)\d{2}:\d{4}$/, { error: 'an OWASP id looks like "LLM05:2025"' }))
		.default([]),
	/** MITRE ATLAS ids, e.g. "AML.T0051.001". */
	atlas: z
		.array(z.string().regex(/^AML\.T\d{4}(?:\.\d{3})?$/, { error: 'an ATLAS id looks like "AML.T0051.001"' }))
		.default([]),
	/** The scenario: who the learner is and what the code does, in two to five sentences. */
	story: Prose('story').max(1500),
	/** What the learner must do, as one short paragraph. */
	task: Prose('task').max(1200),
	/** The function the harness calls (it must be declared in the learner's code). */
	entry: z
		.string()
		.regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, { error: 'entry is a function name, e.g. "renderAnswer"' }),
	/** Hints, shown one more after each failed run. */
	hints: z.array(Prose('hint').max(600)).min(1, { error: 'give at least one hint' }).max(6),
	/** Minutes a learner typically needs. */
	minutes: z.int().min(1).max(120),
	/** Optional "exploit first, then fix" stage (see ExploitSchema). */
	exploit: ExploitSchema.optional(),
});
export type LabData = z.output<typeof LabSchema>;
