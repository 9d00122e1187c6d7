/**
 * The browser side of the progress store: picks the storage (guarded: merely touching
 * `localStorage` throws in some privacy modes), follows other tabs through the `storage` event,
 * and asks the browser to keep the data (`navigator.storage.persist()`) once there is something
 * worth keeping. One store per page, shared by every island.
 */
import { useSyncExternalStore } from 'react';
import { emptyProgress } from '../../core/progress/stats.ts';
import {
	createProgressStore,
	PROGRESS_KEY,
	type ProgressState,
	type ProgressStore,
	type StorageLike,
} from '../../core/progress/store.ts';

let store: ProgressStore | undefined;

function browserStorage(): StorageLike | null {
	try {
		const s = window.localStorage;
		const probe = `${PROGRESS_KEY}:probe`;
		s.setItem(probe, '1');
		s.removeItem(probe);
		return s;
	} catch {
		return null;
	}
}

export function getProgressStore(): ProgressStore {
	if (!store) {
		const created = createProgressStore({ storage: browserStorage() });
		window.addEventListener('storage', (event) => {
			if (event.key === PROGRESS_KEY || event.key === null) created.refresh();
		});
		store = created;
	}
	return store;
}

const SERVER_STATE: ProgressState = { data: emptyProgress(), persistent: true, problem: undefined };
const noop = () => () => {};

/** The learner's progress, kept in sync with storage and other tabs. */
export function useProgress(): ProgressState {
	return useSyncExternalStore(
		typeof window === 'undefined' ? noop : (l) => getProgressStore().subscribe(l),
		() => (typeof window === 'undefined' ? SERVER_STATE : getProgressStore().getSnapshot()),
		() => SERVER_STATE,
	);
}

/** Asks the browser not to evict this site's storage under pressure. Returns whether it agreed. */
export async function requestPersistence(): Promise<boolean | undefined> {
	try {
		if (!navigator.storage?.persist) return undefined;
		if (await navigator.storage.persisted()) return true;
		return await navigator.storage.persist();
	} catch {
		return undefined;
	}
}

// The download helpers moved to downloads.ts; re-exported here until every island imports them
// from there (the certificate islands still use this path).
export { downloadBlob, downloadText } from './downloads.ts';
