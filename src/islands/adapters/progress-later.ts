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
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { ProgressData } from '../../core/progress/progress.ts';
import { emptyProgress } from '../../core/progress/stats.ts';
import type { ProgressState } from '../../core/progress/store.ts';

export type ProgressClient = typeof import('./progress-client.ts');

let loading: Promise<ProgressClient> | undefined;

/** What an island reads until the store has loaded: an empty record, as the server rendered. */
const BEFORE_LOAD = emptyProgress();

/** The progress client module, fetched once (a failed fetch may be retried). */
export function loadProgressClient(): Promise<ProgressClient> {
	loading ??= import('./progress-client.ts').catch((e: unknown) => {
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
			(m) => live && setClient(m),
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
