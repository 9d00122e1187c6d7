import { describe, expect, it, vi } from 'vitest';
import { publishedSuite } from '../../../src/core/labs/suite.ts';
import { labSuites } from '../../../src/islands/labs/lab-recheck.ts';
import { loadLabs } from '../../../src/lib/labs.ts';

const root = new URL('../../..', import.meta.url).pathname;
const lab = loadLabs(root).labs.find((l) => l.data.id === 'sql-from-model-output');
if (!lab) throw new Error('fixture lab missing');
const suite = publishedSuite(lab);

const json = (value: unknown, status = 200) =>
	new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });

/** A fake site that publishes the one suite; `answers` overrides what a lab id gets. */
function site(answers: Record<string, () => Promise<Response>> = {}) {
	return vi.fn(async (input: string | URL | Request) => {
		const id = decodeURIComponent(/labs\/(.+)\.suite\.json$/.exec(String(input))?.[1] ?? '');
		const answer = answers[id];
		if (answer) return answer();
		return id === suite.id ? json(suite) : new Response('Not found', { status: 404 });
	});
}

describe('the lab-suite loader (verify page and team report)', () => {
	it('fetches each suite once per page from <base>labs/<id>.suite.json; an unpublished lab is missing', async () => {
		const fetchImpl = site();
		const load = labSuites('/a/', fetchImpl);
		expect((await load([suite.id, 'no-such-lab'])).map((s) => s.id)).toEqual([suite.id]);
		expect((await load([suite.id])).map((s) => s.revision)).toEqual([suite.revision]);
		expect(fetchImpl.mock.calls.map((c) => String(c[0]))).toEqual([
			`/a/labs/${suite.id}.suite.json`,
			'/a/labs/no-such-lab.suite.json',
		]);
	});

	it('never fetches an id that is not a lab id', async () => {
		const fetchImpl = site();
		expect(await labSuites('/b/', fetchImpl)(['../secrets', 'A B'])).toEqual([]);
		expect(fetchImpl).not.toHaveBeenCalled();
	});

	it('a file that is not a suite, or the suite of another lab, counts as missing', async () => {
		const load = labSuites(
			'/c/',
			site({ [suite.id]: async () => json({ format: 'something else' }), other: async () => json(suite) }),
		);
		expect(await load([suite.id, 'other'])).toEqual([]);
	});

	it('a failure other than 404 names the lab and the reason, and is fetched again next time', async () => {
		let calls = 0;
		const fetchImpl = site({
			[suite.id]: async () => (++calls === 1 ? new Response('boom', { status: 500 }) : json(suite)),
		});
		const load = labSuites('/d/', fetchImpl);
		await expect(load([suite.id])).rejects.toThrow(
			`the suite of lab ${suite.id} could not be read (it answered 500)`,
		);
		expect((await load([suite.id])).map((s) => s.id)).toEqual([suite.id]);
		expect(calls).toBe(2);
	});
});
