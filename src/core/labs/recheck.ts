/**
 * Checking a recorded lab pass instead of trusting it: the verify page, the team report and
 * `npm run certify` run the learner's recorded code again, with the recorded seed, against the
 * suites this site publishes (suite.ts), in the same sandbox the lab page uses.
 *
 * A pass holds only when all of these do, checked in this order:
 *   1. the lab is one this site publishes;
 *   2. the pass was recorded on the revision the site publishes (older revisions are no longer
 *      published, so they cannot be run again: reported as such, never counted);
 *   3. the SHA-256 of the recorded code is the recorded digest;
 *   4. run again with the recorded seed, every functional case passes and every attack is blocked.
 *
 * judgeLabPass is pure (it judges from a run's result); recheckLabPass does the digest and the run
 * with whatever engine it is given (the sandboxed worker in the browser, QuickJS in-process in
 * Node).
 */
import type { EvidenceLab } from '../quiz/evidence.ts';
import type { LabEngine, RunLimits } from './engine.ts';
import type { RunSummary } from './grading.ts';
import { sha256Hex } from './record.ts';
import { runLab } from './run.ts';
import { type LabSuite, runnableOf } from './suite.ts';

export type LabPassStatus =
	| 'passed'
	| 'unknown-lab'
	| 'expired-revision'
	| 'digest-mismatch'
	| 'failed'
	| 'not-run';

export interface LabPassCheck {
	lab: string;
	/** The lab's title when this site publishes it, else its id. */
	title: string;
	revision: number;
	at: string;
	solutionShown: boolean;
	status: LabPassStatus;
	/** Cases run again and how many held (when the code was run). */
	cases?: { held: number; total: number };
	/** What happened, in plain words, e.g. "re-run: passed all 22 cases". */
	message: string;
}

/** What is known about a recorded pass once its digest was taken and (maybe) its code run again. */
export interface LabPassFacts {
	/** The suite this site publishes for the lab, or undefined when it publishes none. */
	suite: LabSuite | undefined;
	/** SHA-256 of the recorded code, as computed by the checker. */
	codeDigest: string;
	/** The re-run with the recorded seed (absent when the pass was not run). */
	run?: RunSummary;
	/** Why the code could not be run (the sandbox failed to start, the suite could not be read). */
	error?: string;
}

const quote = (s: string) => `“${s}”`;

/** The verdict on one recorded lab pass (pure: see the order of checks above). */
export function judgeLabPass(entry: EvidenceLab, facts: LabPassFacts): LabPassCheck {
	const base = {
		lab: entry.lab,
		title: facts.suite?.title ?? entry.lab,
		revision: entry.revision,
		at: entry.at,
		solutionShown: entry.solutionShown,
	};
	if (facts.error !== undefined) {
		return { ...base, status: 'not-run', message: `could not be re-run: ${facts.error}` };
	}
	const suite = facts.suite;
	if (!suite) {
		return {
			...base,
			status: 'unknown-lab',
			message: `cannot be re-checked: this site publishes no lab "${entry.lab}"`,
		};
	}
	if (suite.revision !== entry.revision) {
		return {
			...base,
			status: 'expired-revision',
			message: `cannot be re-checked: revision ${entry.revision} is no longer published (this site publishes revision ${suite.revision})`,
		};
	}
	if (facts.codeDigest !== entry.digest) {
		return {
			...base,
			status: 'digest-mismatch',
			message: 'the recorded code does not match its digest: the code was edited after the pass',
		};
	}
	const run = facts.run;
	if (!run) return { ...base, status: 'not-run', message: 'could not be re-run' };
	const total = run.results.length;
	const held = run.results.filter((r) => r.verdict === 'passed' || r.verdict === 'blocked').length;
	const cases = { held, total };
	if (run.passed && held === total && total > 0) {
		return { ...base, status: 'passed', cases, message: `re-run: passed all ${total} cases` };
	}
	const through = run.results.find((r) => r.verdict === 'got-through');
	const broken = run.results.find((r) => r.verdict === 'broken');
	const why = run.message
		? run.message
		: through
			? `the recorded code lets ${quote(through.title)} through when re-run`
			: broken
				? `the recorded code breaks ${quote(broken.title)} when re-run (${broken.detail})`
				: 'the recorded code does not pass when re-run';
	return {
		...base,
		status: 'failed',
		cases,
		message: `${why}; ${held} of ${total} cases held`,
	};
}

/**
 * Checks one recorded pass: digest, then a re-run with the recorded seed on `engine` (only when
 * the lab and revision are published and the digest holds). Never throws for a bad pass.
 */
export async function recheckLabPass(
	entry: EvidenceLab,
	suite: LabSuite | undefined,
	engine: LabEngine,
	limits?: RunLimits,
): Promise<LabPassCheck> {
	const codeDigest = await sha256Hex(entry.code);
	if (!suite || suite.revision !== entry.revision || codeDigest !== entry.digest) {
		return judgeLabPass(entry, { suite, codeDigest });
	}
	try {
		const run = await runLab(engine, runnableOf(suite), entry.code, entry.seed, limits);
		return judgeLabPass(entry, { suite, codeDigest, run });
	} catch (e) {
		return judgeLabPass(entry, { suite, codeDigest, error: (e as Error).message });
	}
}

/** Loads the suites of these lab ids (unknown ids left out); throws when they cannot be read. */
export type LoadSuites = (ids: string[]) => Promise<LabSuite[]>;

/** Checks every recorded pass of a piece of evidence, one after another. */
export async function recheckLabPasses(
	entries: readonly EvidenceLab[],
	loadSuites: LoadSuites,
	engine: LabEngine,
	onProgress?: (done: number, total: number) => void,
): Promise<LabPassCheck[]> {
	if (entries.length === 0) return [];
	const suites = new Map((await loadSuites([...new Set(entries.map((e) => e.lab))])).map((s) => [s.id, s]));
	const out: LabPassCheck[] = [];
	for (const [i, entry] of entries.entries()) {
		out.push(await recheckLabPass(entry, suites.get(entry.lab), engine));
		onProgress?.(i + 1, entries.length);
	}
	return out;
}

/** Counts toward a certificate: re-run and passed on the published revision, without the solution shown. */
export const countsForCertificate = (c: LabPassCheck) => c.status === 'passed' && !c.solutionShown;
