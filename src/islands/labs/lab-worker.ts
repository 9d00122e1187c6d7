/**
 * The dedicated worker that runs learner code. It loads QuickJS (WebAssembly) once and runs each
 * request with the engine's deadline and memory cap; the page terminates and replaces this worker
 * when a run overran, or when the worker stops answering (see worker-engine.ts).
 */
import wasmUrl from '@jitl/quickjs-wasmfile-release-sync/wasm?url';
import type { RunRequest } from '../../core/labs/engine.ts';
import { createQuickJsEngine } from '../../core/labs/quickjs-module.ts';

const engine = createQuickJsEngine(new URL(wasmUrl, self.location.href).href);

export type WorkerMessage =
	| { id: number; ok: true; response: Awaited<ReturnType<Awaited<typeof engine>['run']>> }
	| { id: number; ok: false; error: string };

self.onmessage = async (
	event: MessageEvent<{ id: number; request: RunRequest } | { id: number; warm: true }>,
) => {
	const { id } = event.data;
	try {
		const e = await engine;
		if ('warm' in event.data) {
			self.postMessage({ id, ok: true, response: { outcomes: [], ms: 0 } } satisfies WorkerMessage);
			return;
		}
		const response = await e.run(event.data.request);
		self.postMessage({ id, ok: true, response } satisfies WorkerMessage);
	} catch (err) {
		self.postMessage({
			id,
			ok: false,
			error: err instanceof Error ? err.message : String(err),
		} satisfies WorkerMessage);
	}
};
