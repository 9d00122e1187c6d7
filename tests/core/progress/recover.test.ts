import { describe, expect, test } from 'vitest';
import { encodeStored } from '../../../src/core/progress/codec.ts';
import type { Attempt } from '../../../src/core/progress/progress.ts';
import { encodeSetAside, recoverProgress, setAsideRaw } from '../../../src/core/progress/recover.ts';
import { createProgressStore, PROGRESS_KEY } from '../../../src/core/progress/store.ts';
import { memoryStorage } from '../../fixtures/storage.ts';

const attempt = (id: string, over: Partial<Attempt> = {}): Attempt => ({
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
	submittedAt: '2026-11-20T09:10:00.000Z',
	...over,
});
const T = '2026-11-20T09:00:00.000Z';

describe('recovering a set-aside copy', () => {
	test('one __proto__ key does not throw away an otherwise valid record, and touches no prototype', () => {
		const raw = `{"version":1,"data":{"__proto__":{"polluted":true},"attempts":${JSON.stringify([attempt('a1')])},"modules":{"p01-awareness":{"firstOpenedAt":"${T}","lastOpenedAt":"${T}"}},"learnerName":"Zoë"}}`;
		const r = recoverProgress(raw);
		expect(r.data.attempts.map((a) => a.id)).toEqual(['a1']);
		expect(Object.keys(r.data.modules)).toEqual(['p01-awareness']);
		expect(r.data.learnerName).toBe('Zoë');
		expect(r.dropped).toEqual(['1 "__proto__" key (never part of a record)']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
	test('keeps every part that validates, drops the rest and says what', () => {
		const raw = JSON.stringify({
			version: 1,
			data: {
				attempts: [attempt('a1'), { ...attempt('a2'), score: 7 }, 'junk', attempt('a1')],
				modules: {
					good: { firstOpenedAt: T, lastOpenedAt: T },
					'Bad Id': { firstOpenedAt: T, lastOpenedAt: T },
					m2: 5,
				},
				learnerName: 'a\u202Eb',
				path: { id: 'developer', chosenAt: T },
				extra: 1,
			},
		});
		const r = recoverProgress(raw);
		expect(r.data.attempts.map((a) => a.id)).toEqual(['a1']);
		expect(Object.keys(r.data.modules)).toEqual(['good']);
		expect(r.data.path?.id).toBe('developer');
		expect(r.data.learnerName).toBeUndefined();
		expect(r.dropped).toEqual([
			'attempt 2 (p01-awareness): its score is not valid',
			'attempt 3: it is not an attempt',
			'attempt 4 (p01-awareness): a second copy of attempt a1',
			'the record of module "Bad Id"',
			'the record of module "m2"',
			'the name',
			'an unknown field "extra"',
		]);
	});
	test('not JSON, or no record at all: nothing kept, and it says so', () => {
		expect(recoverProgress('{"version":1,"data":{"attempts":[{"id":').dropped[0]).toContain('not JSON');
		expect(recoverProgress('[1,2]').dropped[0]).toContain('no progress record');
	});
	test('a downloaded set-aside copy carries the raw text unchanged and is recognised on import', () => {
		const raw = '{"version":1,"data":{"attempts":[{"id":';
		const file = encodeSetAside('saa:progress:corrupt:2026-11-20T09:00:00.000Z', raw);
		expect(setAsideRaw(JSON.parse(file))).toBe(raw);
		expect(setAsideRaw({ format: 'secure-ai-academy/progress', raw })).toBeUndefined();
	});
});

describe('set-aside copies in the store', () => {
	test('are listed until deleted, and only copies can be deleted this way', () => {
		const storage = memoryStorage({ [PROGRESS_KEY]: 'not json' });
		let clock = 0;
		const store = createProgressStore({ storage, now: () => `2026-11-2${clock++}T10:00:00.000Z` });
		createProgressStore({ storage: memoryStorage(), now: () => T });
		storage.setItem(PROGRESS_KEY, '{"version":1,"data":[]}');
		const again = createProgressStore({ storage, now: () => '2026-11-25T10:00:00.000Z' });
		const copies = again.setAsideCopies();
		expect(copies.map((c) => c.raw)).toEqual(['not json', '{"version":1,"data":[]}']);
		again.deleteSetAside(PROGRESS_KEY);
		expect(storage.getItem(PROGRESS_KEY)).not.toBeNull();
		again.deleteSetAside(copies[0]?.key as string);
		expect(again.setAsideCopies()).toHaveLength(1);
		expect(store.setAsideCopies()).toHaveLength(1);
	});
	test('recovered data merges into the record', () => {
		const storage = memoryStorage({
			[PROGRESS_KEY]: encodeStored({ attempts: [attempt('a0')], modules: {} }),
		});
		const store = createProgressStore({ storage, now: () => T });
		store.mergeData({ attempts: [attempt('a1')], modules: {} });
		expect(store.getSnapshot().data.attempts.map((a) => a.id)).toEqual(['a0', 'a1']);
	});
});
