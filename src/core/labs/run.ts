/**
 * One lab run, start to finish: strip types (TypeScript labs), draw the variants from the seed,
 * run every case on the engine, grade. Used by the lab island, the fairness tests and the bench.
 */
import type { LabCase, LabData } from '../../schemas/lab.ts';
import { DEFAULT_LIMITS, type LabEngine, type RunLimits } from './engine.ts';
import { gradeRun, prepareRun, type RunSummary, runCases } from './grading.ts';

/** What a run needs of a lab (the island receives exactly this, without the reference). */
export interface RunnableLab {
	data: Pick<LabData, 'entry' | 'language'>;
	harness: string;
	functional: readonly LabCase[];
	attacks: readonly LabCase[];
}

export async function runLab(
	engine: LabEngine,
	lab: RunnableLab,
	source: string,
	seed: string,
	limits: RunLimits = DEFAULT_LIMITS,
): Promise<RunSummary> {
	const prepared = prepareRun(lab, seed);
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
