/**
 * One lab run, start to finish: strip types (TypeScript labs), draw the variants from the seed,
 * run every case on the engine, grade. Used by the lab island, the fairness tests and the bench.
 * A lab with an exploit stage also runs the learner's attack alone against the starter
 * (`runExploit`), and adds it to the suites as "your attack" once it has worked.
 */
import type { LabCase, LabData } from '../../schemas/lab.ts';
import { DEFAULT_LIMITS, type LabEngine, type RunLimits } from './engine.ts';
import {
	type CaseResult,
	gradeRun,
	type PreparedCase,
	prepareExploit,
	prepareRun,
	type RunSummary,
	runCases,
} from './grading.ts';

/** What a run needs of a lab (the island receives exactly this, without the reference). */
export interface RunnableLab {
	data: Pick<LabData, 'entry' | 'language' | 'exploit'>;
	harness: string;
	functional: readonly LabCase[];
	attacks: readonly LabCase[];
}

async function runPrepared(
	engine: LabEngine,
	lab: RunnableLab,
	prepared: PreparedCase[],
	source: string,
	seed: string,
	limits: RunLimits,
): Promise<RunSummary> {
	let code = source;
	if (lab.data.language === 'typescript') {
		// Loaded only for TypeScript labs (sucrase is the biggest part of the runner).
		const { stripTypes, TypeStripError } = await import('./strip-types.ts');
		try {
			code = stripTypes(source);
		} catch (e) {
			if (!(e instanceof TypeStripError)) throw e;
			const outcomes = prepared.map((p) => ({
				key: p.key,
				status: 'error' as const,
				reason: 'code' as const,
				message: e.message,
			}));
			return gradeRun(prepared, { outcomes, ms: 0 }, seed, limits);
		}
	}
	const response = await engine.run({
		code,
		harness: lab.harness,
		entry: lab.data.entry,
		cases: runCases(prepared),
		limits,
	});
	return gradeRun(prepared, response, seed, limits);
}

export interface RunOptions {
	/** The learner's successful attack from the exploit stage: run as "your attack" after the suites. */
	yourAttack?: string;
}

export async function runLab(
	engine: LabEngine,
	lab: RunnableLab,
	source: string,
	seed: string,
	limits: RunLimits = DEFAULT_LIMITS,
	options: RunOptions = {},
): Promise<RunSummary> {
	const prepared = prepareRun(lab, seed);
	if (lab.data.exploit && options.yourAttack !== undefined) {
		prepared.push(prepareExploit(lab.data.exploit, options.yourAttack, seed));
	}
	return runPrepared(engine, lab, prepared, source, seed, limits);
}

/** The exploit stage: the learner's payload alone, against `source` (the starter, as it is). */
export async function runExploit(
	engine: LabEngine,
	lab: RunnableLab,
	source: string,
	payload: string,
	seed: string,
	limits: RunLimits = DEFAULT_LIMITS,
): Promise<{ result: CaseResult; message?: string }> {
	const exploit = lab.data.exploit;
	if (!exploit) throw new Error('this lab has no exploit stage');
	const summary = await runPrepared(
		engine,
		lab,
		[prepareExploit(exploit, payload, seed)],
		source,
		seed,
		limits,
	);
	return {
		result: summary.results[0] as CaseResult,
		...(summary.message ? { message: summary.message } : {}),
	};
}
