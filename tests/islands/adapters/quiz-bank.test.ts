import { beforeEach, describe, expect, it, vi } from 'vitest';
import { clearQuizBankCache, fetchBank, quizBank } from '../../../src/islands/adapters/quiz-bank.ts';
import { quizzes } from '../../fixtures/teams.ts';

const json = (value: unknown, status = 200) =>
	new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });

/** A fake site: the bank publishes q1 and q2; anything else is 404. Archives list no older revisions unless given. */
function site(overrides: Record<string, () => Promise<Response>> = {}) {
	return vi.fn(async (input: string | URL | Request) => {
		const url = String(input);
		const archived = /bank\/(.+)\.archive\.json$/.exec(url)?.[1];
		if (archived !== undefined) {
			const override = overrides[`${decodeURIComponent(archived)}.archive`];
			return override ? override() : json([]);
		}
		const id = decodeURIComponent(/bank\/(.+)\.json$/.exec(url)?.[1] ?? '');
		const override = overrides[id];
		if (override) return override();
		const quiz = quizzes.find((q) => q.id === id && id !== 'q3');
		return quiz ? json(quiz) : new Response('Not found', { status: 404 });
	});
}

describe('the quiz-bank loader (verify page and team report)', () => {
	beforeEach(() => clearQuizBankCache());

	it('fetches each quiz once per page from <base>bank/<id>.json and leaves unpublished ones out', async () => {
		const fetchImpl = site();
		const load = quizBank('/training/', fetchImpl);
		expect((await load(['q1', 'q2', 'q3'])).map((q) => q.id)).toEqual(['q1', 'q2']);
		expect((await quizBank('/training/', fetchImpl)(['q1'])).map((q) => q.id)).toEqual(['q1']);
		expect(fetchImpl.mock.calls.map((c) => String(c[0])).filter((u) => !u.endsWith('.archive.json'))).toEqual(
			['/training/bank/q1.json', '/training/bank/q2.json', '/training/bank/q3.json'],
		);
	});

	it("brings each quiz's earlier revisions from <id>.archive.json, and an unreadable archive adds nothing", async () => {
		const q1 = quizzes.find((q) => q.id === 'q1');
		if (!q1) throw new Error('fixture');
		const older = { ...q1, revision: q1.revision + 1 };
		const current = { ...q1, revision: q1.revision + 2 };
		const load = quizBank(
			'/',
			site({
				q1: async () => json(current),
				'q1.archive': async () => json([q1, older, { ...q1, id: 'q2' }]),
				'q2.archive': async () => new Response('oops', { status: 500 }),
			}),
		);
		const got = await load(['q1', 'q2']);
		// Every revision of q1 (a record claiming another quiz's id is ignored), q2 as published.
		expect(
			got
				.filter((q) => q.id === 'q1')
				.map((q) => q.revision)
				.sort(),
		).toEqual([q1.revision, older.revision, current.revision].sort());
		expect(got.filter((q) => q.id === 'q2')).toHaveLength(1);
	});

	it('escapes the id in the address', async () => {
		const fetchImpl = site();
		await quizBank('/', fetchImpl)(['../keys/jwks']);
		expect(fetchImpl.mock.calls.map((c) => String(c[0]))).toContain('/bank/..%2Fkeys%2Fjwks.json');
	});

	it('reports a network failure plainly, naming the quiz, and tries again next time', async () => {
		let down = true;
		const fetchImpl = site({
			q1: async () => {
				if (down) throw new TypeError('Failed to fetch');
				return json(quizzes[0]);
			},
		});
		const load = quizBank('/', fetchImpl);
		await expect(load(['q1'])).rejects.toThrow('the quiz bank could not be read for q1 (Failed to fetch)');
		down = false;
		expect((await load(['q1'])).map((q) => q.id)).toEqual(['q1']);
		const bankCalls = fetchImpl.mock.calls.filter((c) => !String(c[0]).endsWith('.archive.json'));
		expect(bankCalls).toHaveLength(2);
	});

	it('reports a server error as an error, not as an unknown quiz', async () => {
		const load = quizBank('/', site({ q2: async () => new Response('oops', { status: 500 }) }));
		await expect(load(['q1', 'q2'])).rejects.toThrow(
			'the quiz bank could not be read for q2 (it answered 500)',
		);
	});

	it('treats a file that is not a quiz as missing, and one that is not JSON as an error', async () => {
		const notQuiz = quizBank('/', site({ q1: async () => json({ id: 'q1', questions: 'none' }) }));
		expect(await notQuiz(['q1'])).toEqual([]);
		clearQuizBankCache();
		const garbled = quizBank('/', site({ q1: async () => new Response('<html>', { status: 200 }) }));
		await expect(garbled(['q1'])).rejects.toThrow(/the quiz bank could not be read for q1/);
	});

	it('fetchBank (imports and certificate pages): a bank of what could be had, and the ids that could not', async () => {
		const fetchImpl = site({ q2: async () => new Response('oops', { status: 500 }) });
		const { bank, missing } = await fetchBank('/', ['q1', 'q2', 'q3', 'q1', '../x'], fetchImpl);
		expect(bank.revisions('q1')).toEqual([quizzes[0]?.revision]);
		expect(missing).toEqual(['q2', 'q3']);
		// Not a quiz id: never requested.
		expect(fetchImpl.mock.calls.map((c) => String(c[0])).some((u) => u.includes('..'))).toBe(false);
	});
});
