import { describe, expect, test } from 'vitest';
import { encodeExport, encodeStored } from '../../../src/core/progress/codec.ts';
import type { Attempt } from '../../../src/core/progress/progress.ts';
import { createProgressStore, PROGRESS_KEY } from '../../../src/core/progress/store.ts';
import { memoryStorage } from '../../fixtures/storage.ts';

let clock = 0;
const now = () => new Date(Date.UTC(2026, 10, 23, 10, 0, clock++)).toISOString();

function attempt(id: string, over: Partial<Attempt> = {}): Attempt {
	return {
		id,
		quizId: 'p01-awareness',
		revision: 1,
		mode: 'assessment',
		seed: 's',
		questionIds: ['q1'],
		answers: {},
		score: 1,
		passed: true,
		startedAt: '2026-11-20T09:00:00.000Z',
		submittedAt: `2026-11-20T09:1${id.length % 10}:00.000Z`,
		...over,
	};
}
const stored = (s: ReturnType<typeof memoryStorage>) => JSON.parse(s.map.get(PROGRESS_KEY) ?? 'null');

describe('progress store: normal use', () => {
	test('records attempts and module visits, persistently', () => {
		const storage = memoryStorage();
		const store = createProgressStore({ storage, now });
		let calls = 0;
		store.subscribe(() => calls++);
		store.recordAttempt(attempt('a1'));
		store.visitModule('p01-awareness', true);
		expect(calls).toBe(2);
		expect(store.getSnapshot()).toMatchObject({ persistent: true, problem: undefined });
		expect(stored(storage).data.attempts).toHaveLength(1);
		expect(stored(storage).data.modules['p01-awareness'].completedAt).toBeDefined();
		expect(createProgressStore({ storage, now }).getSnapshot().data).toEqual(store.getSnapshot().data);
	});
	test('snapshots are stable between changes (for useSyncExternalStore)', () => {
		const store = createProgressStore({ storage: memoryStorage(), now });
		expect(store.getSnapshot()).toBe(store.getSnapshot());
	});
	test('unsubscribe stops notifications', () => {
		const store = createProgressStore({ storage: memoryStorage(), now });
		let calls = 0;
		const off = store.subscribe(() => calls++);
		off();
		store.recordAttempt(attempt('a1'));
		expect(calls).toBe(0);
	});
	test('export records the backup time; import merges and never overwrites', () => {
		const storage = memoryStorage();
		const store = createProgressStore({ storage, now });
		store.recordAttempt(attempt('a1'));
		const file = store.exportFile('2026.11.1');
		expect(store.getSnapshot().data.lastBackupAt).toBeDefined();
		store.resetAll();
		store.recordAttempt(attempt('a2'));
		expect(store.importFile(file).ok).toBe(true);
		expect(
			store
				.getSnapshot()
				.data.attempts.map((a) => a.id)
				.sort(),
		).toEqual(['a1', 'a2']);
	});
	test('a bad import changes nothing', () => {
		const storage = memoryStorage();
		const store = createProgressStore({ storage, now });
		store.recordAttempt(attempt('a1'));
		const before = storage.map.get(PROGRESS_KEY);
		const r = store.importFile('{"format":"secure-ai-academy/progress","version":1,"data":{"attempts":7}}');
		expect(r.ok).toBe(false);
		expect(storage.map.get(PROGRESS_KEY)).toBe(before);
	});
	test('reset one quiz, reset all', () => {
		const store = createProgressStore({ storage: memoryStorage(), now });
		store.recordAttempt(attempt('a1'));
		store.recordAttempt(attempt('b1', { quizId: 'other' }));
		store.resetQuiz('other');
		expect(store.getSnapshot().data.attempts.map((a) => a.id)).toEqual(['a1']);
		store.resetAll();
		expect(store.getSnapshot().data.attempts).toEqual([]);
	});
});

describe('progress store: faults never lose data', () => {
	test('setItem throwing (quota): keeps working in memory and says so', () => {
		const storage = memoryStorage();
		const store = createProgressStore({ storage, now });
		store.recordAttempt(attempt('a1'));
		storage.faults.setThrows = true;
		store.recordAttempt(attempt('a2'));
		const s = store.getSnapshot();
		expect(s.persistent).toBe(false);
		expect(s.problem?.kind).toBe('quota');
		expect(s.data.attempts.map((a) => a.id)).toEqual(['a1', 'a2']);
		expect(stored(storage).data.attempts).toHaveLength(1);
		// Space is freed: the next save writes everything and clears the notice.
		storage.faults.setThrows = false;
		store.visitModule('m');
		expect(store.getSnapshot()).toMatchObject({ persistent: true, problem: undefined });
	});
	test('a real quota (storage nearly full) behaves the same', () => {
		const storage = memoryStorage();
		storage.faults.quotaBytes = 600;
		const store = createProgressStore({ storage, now });
		for (let i = 0; i < 5; i++) store.recordAttempt(attempt(`a${i}`));
		expect(store.getSnapshot().problem?.kind).toBe('quota');
		expect(store.getSnapshot().data.attempts).toHaveLength(5);
	});
	test('getItem throwing (storage blocked): in memory, told why', () => {
		const storage = memoryStorage();
		storage.faults.getThrows = true;
		const store = createProgressStore({ storage, now });
		expect(store.getSnapshot()).toMatchObject({ persistent: false, problem: { kind: 'unavailable' } });
		store.recordAttempt(attempt('a1'));
		expect(store.getSnapshot().data.attempts).toHaveLength(1);
	});
	test('no storage at all (private mode): in memory, told why', () => {
		const store = createProgressStore({ storage: null, now });
		store.recordAttempt(attempt('a1'));
		expect(store.getSnapshot()).toMatchObject({ persistent: false, problem: { kind: 'unavailable' } });
		expect(store.getSnapshot().data.attempts).toHaveLength(1);
	});
	test('corrupt JSON: raw value kept aside and downloadable, clean start', () => {
		const storage = memoryStorage({ [PROGRESS_KEY]: '{"version":1,"data":{"attempts":[{"id":' });
		const store = createProgressStore({ storage, now });
		const s = store.getSnapshot();
		expect(s.problem?.kind).toBe('corrupt');
		if (s.problem?.kind !== 'corrupt') throw new Error('expected corrupt');
		expect(s.problem.raw).toBe('{"version":1,"data":{"attempts":[{"id":');
		expect(s.problem.keptAs).toMatch(/^saa:progress:corrupt:/);
		expect(storage.map.get(s.problem.keptAs as string)).toBe(s.problem.raw);
		expect(s.problem.message).toMatch(/kept aside/);
		store.recordAttempt(attempt('a1'));
		expect(stored(storage).data.attempts).toHaveLength(1);
		expect(storage.map.get(s.problem.keptAs as string)).toBe(s.problem.raw);
	});
	test('corrupt value and no room to keep it aside: nothing overwrites it until the learner lets go', () => {
		const raw = 'not json at all';
		const storage = memoryStorage({ [PROGRESS_KEY]: raw });
		storage.faults.setThrows = true;
		const store = createProgressStore({ storage, now });
		storage.faults.setThrows = false;
		const s = store.getSnapshot();
		expect(s.problem).toMatchObject({ kind: 'corrupt', keptAs: undefined });
		store.recordAttempt(attempt('a1'));
		expect(storage.map.get(PROGRESS_KEY)).toBe(raw);
		expect(store.getSnapshot().data.attempts).toHaveLength(1);
		store.discardCorrupt();
		expect(stored(storage).data.attempts).toHaveLength(1);
		expect(store.getSnapshot().problem).toBeUndefined();
	});
	test('an envelope from a future version is never overwritten', () => {
		const raw = JSON.stringify({ version: 9, data: { whatever: true } });
		const storage = memoryStorage({ [PROGRESS_KEY]: raw });
		const store = createProgressStore({ storage, now });
		expect(store.getSnapshot().problem?.kind).toBe('future');
		store.recordAttempt(attempt('a1'));
		store.resetAll();
		expect(storage.map.get(PROGRESS_KEY)).toBe(raw);
	});
});

describe('progress store: several tabs', () => {
	test('two stores on one storage never lose each other’s attempts (read-merge-write)', () => {
		const storage = memoryStorage();
		const tabA = createProgressStore({ storage, now });
		const tabB = createProgressStore({ storage, now });
		tabA.recordAttempt(attempt('a1'));
		tabB.recordAttempt(attempt('b1'));
		tabA.recordAttempt(attempt('a2'));
		expect(
			stored(storage)
				.data.attempts.map((a: Attempt) => a.id)
				.sort(),
		).toEqual(['a1', 'a2', 'b1']);
	});
	test('refresh picks up another tab’s write and notifies', () => {
		const storage = memoryStorage();
		const tabA = createProgressStore({ storage, now });
		const tabB = createProgressStore({ storage, now });
		let seen = 0;
		tabB.subscribe(() => seen++);
		tabA.recordAttempt(attempt('a1'));
		tabB.refresh();
		expect(seen).toBe(1);
		expect(tabB.getSnapshot().data.attempts).toHaveLength(1);
	});
	test('a reset in one tab is not undone by the other tab’s next write', () => {
		const storage = memoryStorage();
		const tabA = createProgressStore({ storage, now });
		const tabB = createProgressStore({ storage, now });
		tabA.recordAttempt(attempt('a1'));
		tabB.refresh();
		tabA.resetAll();
		tabB.visitModule('m');
		expect(stored(storage).data.attempts).toEqual([]);
	});
});

test('stored data survives as written by an earlier session', () => {
	const data = { attempts: [attempt('x')], modules: {} };
	const storage = memoryStorage({ [PROGRESS_KEY]: encodeStored(data) });
	expect(createProgressStore({ storage, now }).getSnapshot().data).toEqual(data);
	expect(encodeExport(data, 'v', 'now')).toContain('"format": "secure-ai-academy/progress"');
});
