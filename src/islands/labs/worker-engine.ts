/**
 * The browser's LabEngine: learner code runs in a dedicated module worker (lab-worker.ts), never
 * on the page. The worker enforces the deadline and memory cap inside QuickJS; the page adds a
 * watchdog in case the worker itself stops answering. After any overrun the worker is terminated
 * and a fresh one started, so the next run starts clean and the page never freezes.
 */
import {
	type CaseOutcome,
	DEFAULT_LIMITS,
	type LabEngine,
	type RunRequest,
	type RunResponse,
} from '../../core/labs/engine.ts';
import type { WorkerMessage } from './lab-worker.ts';

/** Extra time the worker gets beyond the run's deadline before the page stops it. */
const WATCHDOG_GRACE_MS = 3000;

export class WorkerEngine implements LabEngine {
	#worker: Worker | undefined;
	#nextId = 1;
	#pending = new Map<number, (m: WorkerMessage) => void>();
	/** How many workers were started (for tests and the bench). */
	started = 0;

	#spawn(): Worker {
		const worker = new Worker(new URL('./lab-worker.ts', import.meta.url), {
			type: 'module',
			name: 'lab-runner',
		});
		worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
			const resolve = this.#pending.get(event.data.id);
			this.#pending.delete(event.data.id);
			resolve?.(event.data);
		};
		worker.onerror = (event) => {
			event.preventDefault();
			this.#replace();
			for (const [id, resolve] of this.#pending)
				resolve({ id, ok: false, error: 'the sandbox failed to start' });
			this.#pending.clear();
		};
		this.started++;
		return worker;
	}

	#replace() {
		this.#worker?.terminate();
		this.#worker = undefined;
	}

	#post(
		message: { request: RunRequest } | { warm: true },
		timeoutMs: number,
	): Promise<WorkerMessage | 'timeout'> {
		this.#worker ??= this.#spawn();
		const worker = this.#worker;
		const id = this.#nextId++;
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.#pending.delete(id);
				resolve('timeout');
			}, timeoutMs);
			this.#pending.set(id, (m) => {
				clearTimeout(timer);
				resolve(m);
			});
			worker.postMessage({ id, ...message });
		});
	}

	/** Starts the worker and loads the WebAssembly engine ahead of the first run. */
	async warm(): Promise<void> {
		await this.#post({ warm: true }, 30_000);
	}

	async run(request: RunRequest): Promise<RunResponse> {
		const limits = request.limits ?? DEFAULT_LIMITS;
		const started = performance.now();
		// The first run also loads the engine, so it gets extra time before the watchdog fires.
		const loadAllowance = this.#worker ? 0 : 15_000;
		const reply = await this.#post(
			{ request: { ...request, limits } },
			limits.deadlineMs + WATCHDOG_GRACE_MS + loadAllowance,
		);
		if (reply === 'timeout') {
			this.#replace();
			const outcomes: CaseOutcome[] = request.cases.map((c, i) => ({
				key: c.key,
				status: 'error',
				reason: i === 0 ? 'deadline' : 'skipped',
				message: i === 0 ? 'the run passed its deadline' : 'not run: the run had stopped',
			}));
			return { outcomes, stopped: 'deadline', ms: Math.round(performance.now() - started) };
		}
		if (!reply.ok) {
			this.#replace();
			throw new Error(reply.error);
		}
		// A run that overran leaves the worker's memory in an unknown state: start a fresh one.
		if (reply.response.stopped) this.#replace();
		return reply.response;
	}

	dispose(): void {
		this.#replace();
	}
}
