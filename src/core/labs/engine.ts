/**
 * The one interface between a lab and the engine that runs learner code. The browser runs a
 * QuickJS engine inside a dedicated Web Worker (src/islands/labs/worker-engine.ts); Vitest and
 * the bench run the same QuickJS engine in-process (quickjs-engine.ts). Either way learner code
 * runs inside WebAssembly and sees only what the harness passes in.
 */

/** Limits for one run (all cases together share the deadline). */
export interface RunLimits {
	/** Wall-clock budget for the whole run, in milliseconds. */
	deadlineMs: number;
	/** Memory cap for the learner's JavaScript heap, in bytes. */
	memoryBytes: number;
}

export const DEFAULT_LIMITS: RunLimits = { deadlineMs: 2000, memoryBytes: 32 * 1024 * 1024 };

/** Upper bound on what one case may report back (JSON characters). */
export const MAX_OBSERVATION_CHARS = 200_000;

export interface RunCase {
	/** Identifies the case and variant in the outcome, e.g. "markdown-image#2". */
	key: string;
	/** Handed to the harness's `labSetup(input, record)` (or, without one, `input.args`). */
	input: unknown;
}

export interface RunRequest {
	/** The learner's JavaScript (TypeScript already stripped). */
	code: string;
	/** The lab's harness (JavaScript), or an empty string. */
	harness: string;
	/** Name of the function the harness calls. */
	entry: string;
	cases: RunCase[];
	limits?: RunLimits;
}

/** What a case did: its return value, what it threw, the tool calls it made, what it logged. */
export interface Observation {
	result?: unknown;
	thrown?: string;
	calls: Record<string, unknown[]>;
	logs: string[];
}

export type StopReason = 'deadline' | 'memory';

export type CaseOutcome =
	| { key: string; status: 'ran'; observation: Observation }
	| {
			key: string;
			status: 'error';
			/**
			 * `deadline` / `memory`: the run was stopped; `code`: the code failed to load (syntax
			 * error, missing entry function); `skipped`: not run because the run had stopped.
			 */
			reason: StopReason | 'code' | 'skipped';
			message: string;
	  };

export interface RunResponse {
	outcomes: CaseOutcome[];
	/** Set when the run hit its deadline or memory cap. */
	stopped?: StopReason;
	/** Wall-clock milliseconds the run took inside the engine. */
	ms: number;
}

export interface LabEngine {
	/** Runs every case of the request, in order, each in a fresh JavaScript context. */
	run(request: RunRequest): Promise<RunResponse>;
	/** Frees the engine (terminates the worker, disposes the WebAssembly module's runtimes). */
	dispose(): void;
}

/** Plain-language messages for a stopped run, shown to the learner. */
export const STOP_MESSAGES: Record<StopReason, (limits: RunLimits) => string> = {
	deadline: (l) =>
		`Your code was still running after ${l.deadlineMs / 1000} seconds, so the run was stopped (an endless loop?). The sandbox was restarted; fix the loop and run again.`,
	memory: (l) =>
		`Your code used more than ${Math.round(l.memoryBytes / 1024 / 1024)} MB of memory, so the run was stopped. The sandbox was restarted; run again when you have fixed it.`,
};
