/**
 * Runs learner code in QuickJS compiled to WebAssembly (quickjs-emscripten). Each case gets a
 * fresh runtime and context, holding only: a `console` that records, the harness, the learner's
 * code, and a small driver that calls the entry function. There is no `fetch`, no storage, no
 * `postMessage`, no DOM: nothing of the host exists inside unless the harness builds it.
 *
 * Limits: one wall-clock deadline for the whole run (an interrupt handler checked while the
 * interpreter runs), a memory cap per case runtime, and a stack cap. Pure TypeScript: used by the
 * worker in the browser and directly by Vitest and the bench.
 */
import type { QuickJSContext, QuickJSWASMModule } from 'quickjs-emscripten-core';
import {
	type CaseOutcome,
	DEFAULT_LIMITS,
	type LabEngine,
	MAX_OBSERVATION_CHARS,
	type Observation,
	type RunRequest,
	type RunResponse,
	type StopReason,
} from './engine.ts';

/** Defines `console` and the call recorder before anything else runs. */
const PRELUDE = `
(function () {
	var logs = [];
	var calls = {};
	var clone = function (v) {
		if (v === undefined) return null;
		try { return JSON.parse(JSON.stringify(v)); } catch (e) { return String(v); }
	};
	var log = function () {
		if (logs.length < 50) logs.push(Array.prototype.map.call(arguments, function (a) {
			return typeof a === 'string' ? a : (function () { try { return JSON.stringify(a); } catch (e) { return String(a); } })();
		}).join(' ').slice(0, 500));
	};
	globalThis.console = { log: log, info: log, warn: log, error: log, debug: log };
	globalThis.__labRecord = function (tool, args) {
		var list = Object.prototype.hasOwnProperty.call(calls, tool) ? calls[tool] : (calls[tool] = []);
		if (list.length < 100) list.push(clone(args));
	};
	globalThis.__labState = { logs: logs, calls: calls, clone: clone };
})();
`;

function driver(entry: string, inputJson: string): string {
	return `
(function () {
	var state = globalThis.__labState;
	var out = { calls: state.calls, logs: state.logs };
	var finish = function () { globalThis.__labOut = JSON.stringify(out); };
	var fail = function (e) {
		out.thrown = String(e && e.message !== undefined ? (e.name ? e.name + ': ' : '') + e.message : e).slice(0, 1000);
		finish();
	};
	try {
		var input = JSON.parse(${JSON.stringify(inputJson)});
		var fn = typeof ${entry} === 'function' ? ${entry} : undefined;
		if (!fn) { out.missingEntry = true; finish(); return; }
		var args = typeof labSetup === 'function' ? labSetup(input, globalThis.__labRecord) : (input && input.args) || [];
		var r = fn.apply(undefined, args);
		Promise.resolve(r).then(function (v) { out.result = state.clone(v); finish(); }, fail);
	} catch (e) { fail(e); }
})();
`;
}

function isMemoryError(message: string): boolean {
	return /out of memory/i.test(message);
}

export class QuickJsEngine implements LabEngine {
	#module: QuickJSWASMModule;
	#disposed = false;

	constructor(module: QuickJSWASMModule) {
		this.#module = module;
	}

	async run(request: RunRequest): Promise<RunResponse> {
		if (this.#disposed) throw new Error('the engine was disposed');
		const limits = request.limits ?? DEFAULT_LIMITS;
		if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(request.entry)) throw new Error(`bad entry name ${request.entry}`);
		const started = Date.now();
		const deadline = started + limits.deadlineMs;
		const outcomes: CaseOutcome[] = [];
		let stopped: StopReason | undefined;
		for (const c of request.cases) {
			if (stopped) {
				outcomes.push({
					key: c.key,
					status: 'error',
					reason: 'skipped',
					message: 'not run: the run had stopped',
				});
				continue;
			}
			const outcome = this.#runCase(request, c.key, c.input, deadline, limits.memoryBytes);
			outcomes.push(outcome);
			if (outcome.status === 'error' && (outcome.reason === 'deadline' || outcome.reason === 'memory')) {
				stopped = outcome.reason;
			}
		}
		return { outcomes, ...(stopped ? { stopped } : {}), ms: Date.now() - started };
	}

	#runCase(
		request: RunRequest,
		key: string,
		input: unknown,
		deadline: number,
		memoryBytes: number,
	): CaseOutcome {
		const runtime = this.#module.newRuntime();
		runtime.setMemoryLimit(memoryBytes);
		runtime.setMaxStackSize(512 * 1024);
		let interrupted = false;
		runtime.setInterruptHandler(() => {
			if (Date.now() > deadline) interrupted = true;
			return interrupted;
		});
		const ctx = runtime.newContext();
		const stop = (message: string): CaseOutcome | undefined => {
			if (interrupted || Date.now() > deadline) {
				return { key, status: 'error', reason: 'deadline', message: 'the run passed its deadline' };
			}
			if (isMemoryError(message))
				return { key, status: 'error', reason: 'memory', message: 'the run passed its memory cap' };
			return undefined;
		};
		try {
			const evalStep = (source: string, filename: string): string | undefined => {
				const result = ctx.evalCode(source, filename);
				if (result.error) {
					const err = dumpError(ctx, result.error);
					result.error.dispose();
					return err;
				}
				result.value.dispose();
				return undefined;
			};
			const preludeError = evalStep(PRELUDE, 'prelude.js');
			if (preludeError) throw new Error(`the lab prelude failed: ${preludeError}`);
			if (request.harness) {
				const harnessError = evalStep(request.harness, 'harness.js');
				if (harnessError) {
					return (
						stop(harnessError) ?? {
							key,
							status: 'error',
							reason: 'code',
							message: `the lab's harness failed: ${harnessError}`,
						}
					);
				}
			}
			const codeError = evalStep(request.code, 'your-code.js');
			if (codeError) {
				return (
					stop(codeError) ?? {
						key,
						status: 'error',
						reason: 'code',
						message: `your code did not load: ${codeError}`,
					}
				);
			}
			const driverError = evalStep(driver(request.entry, JSON.stringify(input ?? null)), 'driver.js');
			if (driverError) {
				return stop(driverError) ?? { key, status: 'error', reason: 'code', message: driverError };
			}
			// Settle promises (async entry functions), within the deadline.
			for (let i = 0; i < 10_000 && runtime.hasPendingJob(); i++) {
				const jobs = runtime.executePendingJobs(100);
				if (jobs.error) {
					const err = dumpError(ctx, jobs.error);
					jobs.error.dispose();
					const s = stop(err);
					if (s) return s;
				}
				if (Date.now() > deadline)
					return { key, status: 'error', reason: 'deadline', message: 'the run passed its deadline' };
			}
			const outHandle = ctx.getProp(ctx.global, '__labOut');
			const out = ctx.typeof(outHandle) === 'string' ? ctx.getString(outHandle) : undefined;
			outHandle.dispose();
			if (out === undefined) {
				return (
					stop('') ?? {
						key,
						status: 'error',
						reason: 'code',
						message: 'your function never finished (a promise that never settles?)',
					}
				);
			}
			if (out.length > MAX_OBSERVATION_CHARS) {
				return {
					key,
					status: 'error',
					reason: 'code',
					message: 'your function returned more output than a lab accepts',
				};
			}
			const parsed = JSON.parse(out) as Observation & { missingEntry?: boolean };
			if (parsed.missingEntry) {
				return {
					key,
					status: 'error',
					reason: 'code',
					message: `your code must declare a function named ${request.entry}`,
				};
			}
			if (parsed.thrown !== undefined) {
				const s = stop(parsed.thrown);
				if (s) return s;
			}
			return { key, status: 'ran', observation: normaliseObservation(parsed) };
		} finally {
			try {
				ctx.dispose();
				runtime.dispose();
			} catch {
				// A runtime stopped mid-allocation can refuse a clean dispose; the worker is replaced anyway.
			}
		}
	}

	dispose(): void {
		this.#disposed = true;
	}
}

function dumpError(ctx: QuickJSContext, handle: Parameters<QuickJSContext['dump']>[0]): string {
	try {
		const e = ctx.dump(handle) as unknown;
		if (e && typeof e === 'object') {
			const o = e as { name?: unknown; message?: unknown };
			return `${typeof o.name === 'string' ? `${o.name}: ` : ''}${String(o.message ?? JSON.stringify(e))}`.slice(
				0,
				1000,
			);
		}
		return String(e).slice(0, 1000);
	} catch {
		return 'an error that could not be read';
	}
}

function normaliseObservation(o: Observation): Observation {
	const calls = o.calls && typeof o.calls === 'object' && !Array.isArray(o.calls) ? o.calls : {};
	return {
		...(o.result !== undefined ? { result: o.result } : {}),
		...(typeof o.thrown === 'string' ? { thrown: o.thrown } : {}),
		calls,
		logs: Array.isArray(o.logs) ? o.logs.map(String).slice(0, 50) : [],
	};
}
