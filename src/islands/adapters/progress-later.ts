/**
 * The progress store for islands that show their page first and the learner's record a moment
 * later (issue #22). The store parses stored progress with the zod schemas, which cost more to
 * load and run than anything else on these pages; importing it here, after the island has
 * hydrated, keeps that work out of the page's first long task. Until it has loaded, `state` is
 * undefined and the island shows what the server rendered (an empty record), with its buttons
 * disabled, exactly as before hydration.
 *
 * Islands that need the store at once (the lab runner, assignment pages) keep using
 * progress-client.ts directly; both share the one store per page.
 */
import { startTransition, useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { ProgressData } from '../../core/progress/progress.ts';
import { emptyProgress } from '../../core/progress/stats.ts';
import type { ProgressState } from '../../core/progress/store.ts';

export type ProgressClient = typeof import('./progress-client.ts');

let loading: Promise<ProgressClient> | undefined;

/** What an island reads until the store has loaded: an empty record, as the server rendered. */
const BEFORE_LOAD = emptyProgress();

/**
 * The store's modules, leaves first. Building zod schemas is slow the first time (about 35 ms on
 * a laptop, four times that on a mid-range phone), so the modules are evaluated one per task,
 * letting the browser respond between them instead of blocking for the whole graph at once. The
 * last step loads what is left. Each step is a module the store imports anyway: if the bundler
 * puts two in one file, the second step costs nothing.
 */
const STEPS: readonly (() => Promise<unknown>)[] = [
	// Not schemas/zod.ts on its own: importing it by import() would keep the whole of zod in the
	// bundle (its namespace escapes), about 65 KB gzip more. Zod is evaluated with the first step.
	() => import('../../schemas/vocabulary.ts'),
	() => import('../../schemas/questions/common.ts'),
	() => import('../../schemas/assignment.ts'),
	() => import('../../core/labs/progress.ts'),
	() => import('../../core/progress/progress.ts'),
];

/** Lets the browser handle input and paint before the next step. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Runs `steps` one after another with a task boundary after each, then `last`. A step that fails
 * stops the load, and the caller sees its error.
 */
export async function importInSteps<T>(
	steps: readonly (() => Promise<unknown>)[],
	last: () => Promise<T>,
	yieldToBrowser: () => Promise<void> = nextTask,
): Promise<T> {
	for (const step of steps) {
		await step();
		await yieldToBrowser();
	}
	return last();
}

/** Loads the store's modules one per task (STEPS), then `last`, a module that imports the store. */
export function loadAfterStoreSteps<T>(last: () => Promise<T>): Promise<T> {
	return importInSteps(STEPS, last);
}

/** The progress client module, fetched once (a failed fetch may be retried). */
export function loadProgressClient(): Promise<ProgressClient> {
	loading ??= loadAfterStoreSteps(() => import('./progress-client.ts')).catch((e: unknown) => {
		loading = undefined;
		throw e;
	});
	return loading;
}

export interface LaterProgress {
	/** The client module, once loaded. */
	client: ProgressClient | undefined;
	/** The learner's record, once the store has loaded; undefined before (as on the server). */
	state: ProgressState | undefined;
	/** The record to show: the stored one once loaded, an empty one before (as on the server). */
	data: ProgressData;
	/** The store's code could not be fetched (offline before it was ever cached). */
	failed: boolean;
}

/** The learner's record, loaded after hydration and kept in sync with storage and other tabs. */
export function useProgressLater(): LaterProgress {
	const [client, setClient] = useState<ProgressClient>();
	const [failed, setFailed] = useState(false);
	useEffect(() => {
		let live = true;
		loadProgressClient().then(
			// A transition, so React renders the record in slices between which the browser can
			// respond, instead of one long task (issue #22).
			(m) => live && startTransition(() => setClient(m)),
			() => live && setFailed(true),
		);
		return () => {
			live = false;
		};
	}, []);
	const subscribe = useCallback(
		(listener: () => void) => (client ? client.getProgressStore().subscribe(listener) : () => {}),
		[client],
	);
	const snapshot = useCallback(() => client?.getProgressStore().getSnapshot(), [client]);
	const state = useSyncExternalStore(subscribe, snapshot, () => undefined);
	return { client, state, data: state?.data ?? BEFORE_LOAD, failed };
}
