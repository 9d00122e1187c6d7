/**
 * Runs recorded lab passes again in the browser, in the same sandboxed worker the lab page uses
 * (worker-engine.ts), against the suites this site publishes (`labs/<id>.suite.json`). Loaded by
 * the verify page and the team report only when there are lab passes to check, so pages without
 * labs never load the worker, the engine or the suites.
 */

import { type LabPassCheck, type LoadSuites, recheckLabPasses } from '../../core/labs/recheck.ts';
import { type LabSuite, LabSuiteSchema } from '../../core/labs/suite.ts';
import type { EvidenceLab } from '../../core/quiz/evidence.ts';
import { publishedJson } from '../adapters/published-json.ts';
import { WorkerEngine } from './worker-engine.ts';

const cache = new Map<string, Promise<LabSuite | undefined>>();

/**
 * A loader for the suites published under `base`: a lab the site does not publish (404, or a file
 * that is not a suite) is missing; anything else is an error naming the lab.
 */
export function labSuites(base: string, fetchImpl: typeof fetch = (...a) => fetch(...a)): LoadSuites {
	const one = (id: string) =>
		publishedJson(
			cache,
			`${base}labs/${encodeURIComponent(id)}.suite.json`,
			(json) => {
				const parsed = LabSuiteSchema.safeParse(json);
				return parsed.success && parsed.data.id === id ? parsed.data : undefined;
			},
			(why) => `the suite of lab ${id} could not be read (${why})`,
			fetchImpl,
		);
	return async (ids) => {
		const got = await Promise.all(ids.filter((id) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)).map(one));
		return got.filter((s): s is LabSuite => s !== undefined);
	};
}

/**
 * Checks recorded passes in a fresh sandboxed worker, one pass after another (each with the lab
 * runner's deadline and memory cap; the worker engine's watchdog stops a pass that hangs), then
 * terminates the worker.
 */
export async function recheckInBrowser(
	entries: readonly EvidenceLab[],
	base: string,
	onProgress?: (done: number, total: number) => void,
): Promise<LabPassCheck[]> {
	const engine = new WorkerEngine();
	try {
		return await recheckLabPasses(entries, labSuites(base), engine, onProgress);
	} finally {
		engine.dispose();
	}
}
