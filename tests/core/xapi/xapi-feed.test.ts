import { describe, expect, test } from 'vitest';
import type { Attempt, ProgressData } from '../../../src/core/progress/progress.ts';
import {
	emptyQueue,
	enqueue,
	nextRetryDelay,
	parseQueue,
	RETRY_FIRST_MS,
	RETRY_MAX_MS,
	sendOutcome,
	settle,
} from '../../../src/core/xapi/queue.ts';
import { dueStatements, type FeedContext, feedActor } from '../../../src/core/xapi/statements.ts';

const attempt = (over: Partial<Attempt>): Attempt => ({
	id: 'a1',
	quizId: 'p01-awareness',
	revision: 3,
	mode: 'assessment',
	seed: 'x1',
	questionIds: ['q1', 'q2'],
	answers: { q1: { choice: 'a' }, q2: { choice: 'secret answer text' } },
	score: 0.9,
	passed: true,
	startedAt: '2026-12-01T10:00:00.000Z',
	submittedAt: '2026-12-01T10:12:30.500Z',
	...over,
});

const data: ProgressData = {
	attempts: [
		attempt({ id: 'old', submittedAt: '2026-11-01T09:00:00.000Z', startedAt: '2026-11-01T08:55:00.000Z' }),
		attempt({}),
		attempt({ id: 'a2', mode: 'practice' }),
		attempt({ id: 'a3', score: 0.4, passed: false, submittedAt: '2026-12-01T10:05:00.000Z' }),
	],
	modules: {
		'p01-awareness': {
			firstOpenedAt: '2026-12-01T09:00:00.000Z',
			lastOpenedAt: '2026-12-01T10:00:00.000Z',
			completedAt: '2026-12-01T09:30:00.000Z',
		},
		'p02-threats': { firstOpenedAt: '2026-12-01T09:00:00.000Z', lastOpenedAt: '2026-12-01T09:00:00.000Z' },
		'p03-old': {
			firstOpenedAt: '2026-10-01T09:00:00.000Z',
			lastOpenedAt: '2026-10-01T09:00:00.000Z',
			completedAt: '2026-10-01T09:10:00.000Z',
		},
	},
	learnerName: 'Ada Lovelace',
	path: { id: 'developer', chosenAt: '2026-12-01T09:00:00.000Z' },
};

const ctx: FeedContext = {
	siteBase: 'https://training.example.org/academy/',
	actor: feedActor('  staff-1234 ', 'https://people.example.org'),
	since: '2026-12-01T00:00:00.000Z',
};
let n = 0;
const ids = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

describe('LRS feed statements', () => {
	test('exactly the documented fields: read, failed, passed, oldest first, since the opt-in only', () => {
		n = 0;
		const items = dueStatements(data, new Set(), ctx, ids);
		expect(items.map((i) => i.key)).toEqual(['read:p01-awareness', 'attempt:a3', 'attempt:a1']);
		const actor = {
			objectType: 'Agent',
			account: { homePage: 'https://people.example.org', name: 'staff-1234' },
		};
		expect(items[0]?.statement).toEqual({
			id: '00000000-0000-4000-8000-000000000001',
			actor,
			verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { en: 'completed' } },
			object: { objectType: 'Activity', id: 'https://training.example.org/academy/modules/p01-awareness/' },
			result: { completion: true },
			timestamp: '2026-12-01T09:30:00.000Z',
		});
		expect(items[2]?.statement).toEqual({
			id: '00000000-0000-4000-8000-000000000002',
			actor,
			verb: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { en: 'passed' } },
			object: { objectType: 'Activity', id: 'https://training.example.org/academy/quizzes/p01-awareness' },
			result: {
				score: { scaled: 0.9, raw: 90, min: 0, max: 100 },
				success: true,
				completion: true,
				duration: 'PT12M30.5S',
			},
			timestamp: '2026-12-01T10:12:30.500Z',
		});
		expect(items[1]?.statement.verb.id).toBe('http://adlnet.gov/expapi/verbs/failed');
		expect(items[1]?.statement.result).toMatchObject({ score: { scaled: 0.4, raw: 40 }, success: false });
	});
	test('nothing from the record beyond those fields: no answers, questions, names, path or seed', () => {
		const text = JSON.stringify(dueStatements(data, new Set(), ctx, ids));
		for (const leak of ['secret answer', 'q1', 'Ada', 'developer', 'x1', 'revision', 'p02-threats'])
			expect(text).not.toContain(leak);
	});
	test('an event already queued is not queued again; nothing before the opt-in is sent', () => {
		const all = dueStatements(data, new Set(), ctx, ids);
		expect(dueStatements(data, new Set(all.map((i) => i.key)), ctx, ids)).toEqual([]);
		expect(dueStatements(data, new Set(), { ...ctx, since: '2026-12-02T00:00:00.000Z' }, ids)).toEqual([]);
	});
});

describe('LRS feed queue', () => {
	const items = dueStatements(data, new Set(), ctx, ids);
	test('enqueue keeps order, records keys, and never queues an event twice', () => {
		const q = enqueue(enqueue(emptyQueue(), items.slice(0, 2)), items);
		expect(q.waiting.map((i) => i.key)).toEqual(items.map((i) => i.key));
		expect(q.done).toEqual(items.map((i) => i.key));
	});
	test('settle removes the sent or refused item only, keeping the done keys', () => {
		const q = settle(enqueue(emptyQueue(), items), items[1]?.statement.id as string);
		expect(q.waiting.map((i) => i.key)).toEqual([items[0]?.key, items[2]?.key]);
		expect(q.done).toHaveLength(3);
	});
	test('a stored queue round-trips; damaged storage reads as empty', () => {
		const q = enqueue(emptyQueue(), items);
		expect(parseQueue(JSON.stringify(q))).toEqual(q);
		for (const bad of [null, '', '{', '[]', '{"v":2,"waiting":[],"done":[]}', '{"v":1,"waiting":{}}'])
			expect(parseQueue(bad)).toEqual(emptyQueue());
		expect(parseQueue('{"v":1,"waiting":[{"key":"x"},null],"done":["a",3]}')).toEqual({
			v: 1,
			waiting: [],
			done: ['a'],
		});
	});
	test('outcomes: delivered, refused for good, or retried', () => {
		expect([200, 204, 409].map(sendOutcome)).toEqual(['sent', 'sent', 'sent']);
		expect([400, 401, 403, 404, 413].map(sendOutcome)).toEqual(Array(5).fill('refused'));
		expect([undefined, 408, 429, 500, 502, 503].map(sendOutcome)).toEqual(Array(6).fill('retry'));
	});
	test('retry delays: 1 s, doubling, at most 15 s', () => {
		const delays = [RETRY_FIRST_MS];
		for (let i = 0; i < 6; i++) delays.push(nextRetryDelay(delays.at(-1) as number));
		expect(delays).toEqual([1000, 2000, 4000, 8000, 15_000, 15_000, 15_000]);
		expect(RETRY_MAX_MS).toBe(15_000);
	});
});
