/**
 * The progress store: the one place that reads and writes the learner's record. Storage is
 * injected (`StorageLike`), so tests pass a plain object and the browser adapter passes
 * `localStorage` (or null when it is unavailable). No call here may throw because of storage.
 *
 * Rules:
 * - Every change is read-modify-write: the stored value is read fresh, changed, and written back,
 *   so two tabs never lose each other's attempts. Another tab's write arrives through `refresh()`.
 * - Storage missing or blocked, or full: the record lives in memory, `persistent` is false, and
 *   `problem` says why, so the page can tell the learner progress will not be kept.
 * - Stored value unreadable (corrupt): the raw text is copied aside to `<key>:corrupt:<time>` and
 *   kept in `problem.raw` for download; a clean record starts. If the copy cannot be made, nothing
 *   is written until the learner has had the chance to download it (`discardCorrupt()`).
 * - Stored value from a newer site version: left untouched; this page works in memory only.
 */
import type { LabRecord } from '../labs/progress.ts';
import { labRecord } from '../labs/status.ts';
import { decodeImport, decodeStored, encodeExport, encodeStored, type ImportResult } from './codec.ts';
import { STORE_MESSAGES as MESSAGES } from './messages.ts';
import {
	type Attempt,
	mergeProgress,
	type ProgressData,
	type StoredAssignment,
	withAssignment,
	withLearnerName,
	withModuleVisit,
	withoutAssignment,
	withoutQuiz,
	withPath,
} from './progress.ts';
import { emptyProgress } from './stats.ts';

export interface StorageLike {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
	/** Enumeration (as localStorage has it), to list set-aside copies. */
	readonly length?: number;
	key?(index: number): string | null;
}

/** A copy of unreadable stored progress, kept aside under `<key>:corrupt:<time>`. */
export interface SetAsideCopy {
	key: string;
	/** When it was set aside (from the key). */
	at: string;
	raw: string;
}

export type StoreProblem =
	| { kind: 'unavailable'; message: string }
	| { kind: 'quota'; message: string }
	| { kind: 'corrupt'; message: string; raw: string; keptAs: string | undefined }
	| { kind: 'future'; message: string };

export interface ProgressState {
	data: ProgressData;
	/** True when the last write reached storage. */
	persistent: boolean;
	problem: StoreProblem | undefined;
}

export interface ProgressStore {
	getSnapshot(): ProgressState;
	subscribe(listener: () => void): () => void;
	/** Re-reads storage (call on the `storage` event for this key). */
	refresh(): void;
	recordAttempt(attempt: Attempt): void;
	visitModule(moduleId: string, completed?: boolean): void;
	/**
	 * Merges an export file into the record; returns what happened, changes nothing on error.
	 * `screen` (see screen.ts) removes what must not be merged, e.g. attempts that do not re-score;
	 * the result's `data` is what was merged.
	 */
	importFile(text: string, byteLength?: number, screen?: (data: ProgressData) => ProgressData): ImportResult;
	/** The export file's text; also records the backup time. */
	exportFile(contentVersion: string): string;
	resetQuiz(quizId: string): void;
	resetAll(): void;
	/** Sets the name for certificates and reports; an empty name clears it. Throws on an invalid name. */
	setLearnerName(name: string): void;
	/** After the learner has saved the corrupt raw value: allow writing over it. */
	discardCorrupt(): void;
	/** Every set-aside copy still in storage, oldest first (listed on the dashboard until deleted). */
	setAsideCopies(): SetAsideCopy[];
	/** Deletes one set-aside copy (only keys of the form `<key>:corrupt:…`). */
	deleteSetAside(copyKey: string): void;
	/** Merges data already validated and screened (a recovered copy) into the record. */
	mergeData(data: ProgressData): void;
	/** Chooses a learning path by id; undefined clears the choice. */
	choosePath(pathId: string | undefined): void;
	/** Adds an assignment under `key` (kept as it is if already there). Throws past the limit. */
	addAssignment(key: string, given: Omit<StoredAssignment, 'addedAt'>): void;
	removeAssignment(key: string): void;
	/** Changes one lab's record (draft, runs, passes: see src/core/labs/progress.ts). */
	updateLab(labId: string, change: (record: LabRecord) => LabRecord): void;
}

export const PROGRESS_KEY = 'saa:progress';

export function createProgressStore(options: {
	storage: StorageLike | null;
	key?: string;
	now?: () => string;
}): ProgressStore {
	const key = options.key ?? PROGRESS_KEY;
	const now = options.now ?? (() => new Date().toISOString());
	const listeners = new Set<() => void>();
	let state: ProgressState;
	/** When false, writes go to memory only (future version, or corrupt value not yet saved). */
	let writable = true;

	const set = (next: ProgressState) => {
		state = next;
		for (const l of listeners) l();
	};

	function read(): { ok: true; data: ProgressData } | { ok: false; problem: StoreProblem } {
		if (!options.storage)
			return { ok: false, problem: { kind: 'unavailable', message: MESSAGES.unavailable } };
		let raw: string | null;
		try {
			raw = options.storage.getItem(key);
		} catch {
			return { ok: false, problem: { kind: 'unavailable', message: MESSAGES.unavailable } };
		}
		const decoded = decodeStored(raw);
		if (decoded.ok) return { ok: true, data: decoded.data };
		if (decoded.reason === 'future')
			return { ok: false, problem: { kind: 'future', message: MESSAGES.future } };
		// Corrupt or invalid: keep the raw text aside before anything can overwrite it.
		const text = raw ?? '';
		let keptAs: string | undefined = `${key}:corrupt:${now()}`;
		try {
			options.storage.setItem(keptAs, text);
		} catch {
			keptAs = undefined;
		}
		return {
			ok: false,
			problem: {
				kind: 'corrupt',
				message: `${keptAs ? MESSAGES.corruptKept : MESSAGES.corruptNotKept} (${decoded.message})`,
				raw: text,
				keptAs,
			},
		};
	}

	function write(data: ProgressData): boolean {
		if (!options.storage || !writable) return false;
		try {
			options.storage.setItem(key, encodeStored(data));
			return true;
		} catch {
			return false;
		}
	}

	// Initial load.
	{
		const r = read();
		if (r.ok) {
			state = { data: r.data, persistent: true, problem: undefined };
		} else {
			state = { data: emptyProgress(), persistent: false, problem: r.problem };
			if (r.problem.kind === 'future' || (r.problem.kind === 'corrupt' && !r.problem.keptAs))
				writable = false;
			if (r.problem.kind === 'corrupt' && r.problem.keptAs) {
				// The raw value is safe elsewhere: start the clean record in storage now.
				const ok = write(state.data);
				state = { ...state, persistent: ok };
			}
		}
	}

	/** Read-modify-write. Falls back to the in-memory record when storage cannot be read. */
	function update(change: (data: ProgressData) => ProgressData) {
		let base = state.data;
		if (writable && options.storage) {
			const r = read();
			// After a failed write, memory holds changes storage lacks: keep both.
			if (r.ok) base = state.persistent ? r.data : mergeProgress(r.data, state.data);
		}
		const next = change(base);
		const ok = write(next);
		let problem = state.problem;
		if (ok && (problem?.kind === 'quota' || problem?.kind === 'unavailable')) problem = undefined;
		if (!ok && writable && options.storage && problem?.kind !== 'unavailable') {
			problem = { kind: 'quota', message: MESSAGES.quota };
		}
		set({ data: next, persistent: ok, problem });
	}

	return {
		getSnapshot: () => state,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		refresh() {
			if (!writable) return;
			const r = read();
			if (r.ok) set({ ...state, data: r.data });
		},
		recordAttempt: (attempt) => update((d) => mergeProgress(d, { attempts: [attempt], modules: {} })),
		visitModule: (moduleId, completed = false) =>
			update((d) => withModuleVisit(d, moduleId, now(), completed)),
		importFile(text, byteLength, screen) {
			const decoded = decodeImport(text, byteLength);
			if (!decoded.ok) return decoded;
			const result = screen ? { ...decoded, data: screen(decoded.data) } : decoded;
			update((d) => mergeProgress(d, result.data));
			return result;
		},
		exportFile(contentVersion) {
			const at = now();
			update((d) => ({ ...d, lastBackupAt: at }));
			return encodeExport(state.data, contentVersion, at);
		},
		resetQuiz: (quizId) => update((d) => withoutQuiz(d, quizId)),
		resetAll: () =>
			update((d) => ({
				...emptyProgress(),
				...(d.lastBackupAt ? { lastBackupAt: d.lastBackupAt } : {}),
				...(d.learnerName ? { learnerName: d.learnerName } : {}),
				// Assignments and the chosen path are what to do, not progress: they stay.
				...(d.path ? { path: d.path } : {}),
				...(d.assignments ? { assignments: d.assignments } : {}),
			})),
		setLearnerName(name) {
			withLearnerName(emptyProgress(), name); // validates before anything is written
			update((d) => withLearnerName(d, name));
		},
		setAsideCopies() {
			const storage = options.storage;
			if (!storage?.key || storage.length === undefined) return [];
			const prefix = `${key}:corrupt:`;
			const copies: SetAsideCopy[] = [];
			try {
				for (let i = 0; i < storage.length; i++) {
					const k = storage.key(i);
					if (!k?.startsWith(prefix)) continue;
					copies.push({ key: k, at: k.slice(prefix.length), raw: storage.getItem(k) ?? '' });
				}
			} catch {
				return copies;
			}
			return copies.sort((a, b) => a.at.localeCompare(b.at));
		},
		deleteSetAside(copyKey) {
			if (!copyKey.startsWith(`${key}:corrupt:`)) return;
			try {
				options.storage?.removeItem(copyKey);
			} catch {
				// nothing to do: the copy stays listed
			}
			set({ ...state });
		},
		mergeData: (data) => update((d) => mergeProgress(d, data)),
		choosePath: (pathId) => update((d) => withPath(d, pathId, now())),
		addAssignment(key, given) {
			withAssignment(state.data, key, given, now()); // validates (and checks the limit) before writing
			update((d) => withAssignment(d, key, given, now()));
		},
		removeAssignment: (key) => update((d) => withoutAssignment(d, key)),
		updateLab: (labId, change) =>
			update((d) => ({ ...d, labs: { ...d.labs, [labId]: change(labRecord(d.labs, labId)) } })),
		discardCorrupt() {
			if (state.problem?.kind !== 'corrupt') return;
			writable = true;
			const ok = write(state.data);
			set({ ...state, persistent: ok, problem: ok ? undefined : { kind: 'quota', message: MESSAGES.quota } });
		},
	};
}
