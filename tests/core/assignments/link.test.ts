import { describe, expect, test } from 'vitest';
import {
	checkValueOf,
	MAX_PACKED_CHARS,
	openAssignmentLink,
	packAssignment,
	packedFromFragment,
} from '../../../src/core/assignments/link.ts';
import { packForLink, unpackFromLink } from '../../../src/core/envelope/link-codec.ts';
import { canonicalJson } from '../../../src/core/quiz/evidence.ts';
import type { AssignmentSpec } from '../../../src/schemas/assignment.ts';

const spec: AssignmentSpec = {
	title: 'Platform team: AI security, Q1',
	due: '2027-03-31',
	note: 'Start with the path.\nThen Principle 5.',
	items: [{ path: 'developer' }, { principle: 5 }, { module: 'sc01-prompt-injection' }],
};

/** Packs arbitrary JSON-ish text the way a link would carry it. */
const packed = (value: unknown) => packForLink(typeof value === 'string' ? value : JSON.stringify(value));

async function expectRefused(p: string | undefined, problem: string, words: RegExp) {
	const r = await openAssignmentLink(p);
	expect(r.ok).toBe(false);
	if (r.ok) return;
	expect(r.problem).toBe(problem);
	expect(r.message).toMatch(words);
	return r;
}

describe('assignment links: round trip', () => {
	test('what is packed is what opens, with a stable key from the check value', async () => {
		const p = await packAssignment(spec);
		expect(p).toMatch(/^[A-Za-z0-9_-]+$/);
		const r = await openAssignmentLink(p);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.assignment).toEqual(spec);
		expect(r.checkValue).toMatch(/^[0-9a-f]{16}$/);
		expect(r.key).toBe(`link-${r.checkValue}`);
		const again = await openAssignmentLink(await packAssignment(spec));
		expect(again.ok && again.key).toBe(r.key);
	});

	test('the link carries only what was typed, under a version field', async () => {
		const json = JSON.parse(await unpackFromLink(await packAssignment(spec)));
		expect(Object.keys(json).sort()).toEqual(['a', 's', 'v']);
		expect(json.v).toBe(1);
		expect(json.a).toEqual(spec);
	});

	test('any script survives, and a different assignment gets a different key', async () => {
		const greek = { ...spec, title: 'Ομάδα πλατφόρμας 🚀', note: 'Καλή επιτυχία' };
		const r = await openAssignmentLink(await packAssignment(greek));
		expect(r.ok && r.assignment.title).toBe('Ομάδα πλατφόρμας 🚀');
		const other = await openAssignmentLink(await packAssignment({ ...spec, due: '2027-04-01' }));
		const first = await openAssignmentLink(await packAssignment(spec));
		expect(other.ok && first.ok && other.key !== first.key).toBe(true);
	});

	test('a typical assignment makes a short link', async () => {
		expect((await packAssignment(spec)).length).toBeLessThan(300);
	});

	test('the fragment is read with or without "#", alongside other parameters', async () => {
		expect(packedFromFragment('#a=abc_-1')).toBe('abc_-1');
		expect(packedFromFragment('x=1&a=abc')).toBe('abc');
		expect(packedFromFragment('#r=abc')).toBeUndefined();
		expect(packedFromFragment('')).toBeUndefined();
	});

	test('an invalid assignment cannot be packed', async () => {
		await expect(packAssignment({ ...spec, items: [] })).rejects.toThrow(/at least one/);
	});
});

describe('assignment links: every malformed case is refused with a message', () => {
	test('no link at all', async () => {
		await expectRefused(undefined, 'empty', /has no assignment in it/);
		await expectRefused('  ', 'empty', /has no assignment in it/);
	});

	test('characters a packed link never has', async () => {
		await expectRefused('abc$def', 'malformed', /characters an assignment link never has/);
		await expectRefused('abc def', 'malformed', /never has/);
	});

	test('truncated when copied: cut at several places', async () => {
		const p = await packAssignment(spec);
		for (const cut of [1, 5, Math.floor(p.length / 2), p.length - 3]) {
			await expectRefused(p.slice(0, cut), 'damaged', /incomplete or damaged/);
		}
	});

	test('oversized: a long link, and a small link that unpacks to too much', async () => {
		await expectRefused('A'.repeat(MAX_PACKED_CHARS + 1), 'too-large', /more than any assignment/);
		const bomb = await packed(`{"v":1,"a":{"title":"${'x'.repeat(100_000)}"}}`);
		expect(bomb.length).toBeLessThan(MAX_PACKED_CHARS);
		await expectRefused(bomb, 'too-large', /unpacks to more data/);
	});

	test('not JSON, crafted __proto__, deep nesting', async () => {
		await expectRefused(await packed('hello'), 'damaged', /it is plain text, not a data file \(JSON\)/);
		await expectRefused(await packed('{"v":1,"__proto__":{"x":1}}'), 'damaged', /__proto__/);
		await expectRefused(await packed('[[[[[[[[[[1]]]]]]]]]]'), 'damaged', /nested more than/);
	});

	test('no version, or not an object', async () => {
		await expectRefused(await packed({ a: spec }), 'invalid', /no format version/);
		await expectRefused(await packed([1, 2]), 'invalid', /no format version/);
		await expectRefused(await packed({ v: '1', a: spec }), 'invalid', /no format version/);
	});

	test('a newer version is refused and named; impossible versions too', async () => {
		const r = await expectRefused(
			await packed({ v: 3, a: spec, s: '0'.repeat(16) }),
			'unknown-version',
			/newer version of the site/,
		);
		expect(r?.message).toContain('link format 3; this site reads format 2');
		for (const v of [0, -1, 1.5]) {
			await expectRefused(await packed({ v, a: spec }), 'unknown-version', /no version of this site made/);
		}
	});

	test('valid JSON that is not a valid assignment', async () => {
		const s = await checkValueOf(spec);
		const cases: [unknown, RegExp][] = [
			[{ v: 1, a: { ...spec, items: [] }, s }, /items: assign at least one/],
			[{ v: 1, a: { ...spec, items: [{ course: 'x' }] }, s }, /items\.0: each item is one of/],
			[{ v: 1, a: { ...spec, title: 'Bad\u202Etitle' }, s }, /title: the title contains control/],
			[{ v: 1, a: { ...spec, due: '2027-02-30' }, s }, /due: a due date looks like/],
			[{ v: 1, a: spec, s, extra: 1 }, /Unrecognized key/i],
			[{ v: 1, a: spec, s: 'nothex' }, /s: the check value is not 16 hex digits/],
			[{ v: 1, a: { ...spec, items: [{ module: 'x' }, { module: 'x' }] }, s }, /repeats item 1/],
		];
		for (const [value, words] of cases) await expectRefused(await packed(value), 'invalid', words);
	});

	test('tampered: the due date changed but the check value kept', async () => {
		const json = JSON.parse(await unpackFromLink(await packAssignment(spec)));
		json.a.due = '2099-12-31';
		await expectRefused(await packed(json), 'tampered', /changed after it was made/);
	});

	test('the check value is over canonical JSON, so key order does not matter', async () => {
		const reordered = { items: spec.items, note: spec.note, due: spec.due, title: spec.title };
		expect(canonicalJson(reordered)).toBe(canonicalJson(spec));
		const r = await openAssignmentLink(await packed({ s: await checkValueOf(spec), a: reordered, v: 1 }));
		expect(r.ok).toBe(true);
	});
});

describe('assignment links with labs (link format 2)', () => {
	const withLabs: AssignmentSpec = { ...spec, labs: ['agent-tool-approval', 'prompt-redaction'] };

	test('an assignment with labs is written as format 2 and opens with its labs', async () => {
		const p = await packAssignment(withLabs);
		const json = JSON.parse(await unpackFromLink(p));
		expect(json.v).toBe(2);
		expect(json.a.labs).toEqual(['agent-tool-approval', 'prompt-redaction']);
		const r = await openAssignmentLink(p);
		expect(r.ok && r.assignment).toEqual(withLabs);
	});

	test('an assignment without labs is still written as format 1, byte for byte as before', async () => {
		const json = JSON.parse(await unpackFromLink(await packAssignment(spec)));
		expect(json.v).toBe(1);
		expect('labs' in json.a).toBe(false);
		// The check value (and so the learner's stored key) of an old link is unchanged.
		expect(json.s).toBe(await checkValueOf(spec));
	});

	test('an old format 1 link, made before labs existed, still opens', async () => {
		const old = await packed({ v: 1, a: spec, s: await checkValueOf(spec) });
		const r = await openAssignmentLink(old);
		expect(r.ok && r.assignment).toEqual(spec);
		expect(r.ok && r.assignment.labs).toBeUndefined();
	});

	test('labs change the check value, so a link whose labs were edited is refused as tampered', async () => {
		expect(await checkValueOf(withLabs)).not.toBe(await checkValueOf(spec));
		const json = JSON.parse(await unpackFromLink(await packAssignment(withLabs)));
		json.a.labs = ['agent-tool-approval'];
		await expectRefused(await packed(json), 'tampered', /changed after it was made/);
	});

	test('a format 1 link that holds labs was made by no version of the site', async () => {
		const s = await checkValueOf(withLabs);
		await expectRefused(await packed({ v: 1, a: withLabs, s }), 'invalid', /link format 1 has no labs/);
	});

	test('malformed labs are refused with the field named', async () => {
		const cases: [unknown, RegExp][] = [
			[{ ...spec, labs: 'agent-tool-approval' }, /labs: /],
			[{ ...spec, labs: [] }, /labs: leave out `labs`/],
			[{ ...spec, labs: ['Not An Id'] }, /labs\.0: an id is lower-case/],
			[{ ...spec, labs: [42] }, /labs\.0: /],
			[{ ...spec, labs: ['a', 'a'] }, /labs\.1: lab "a" repeats item 1/],
			[{ ...spec, labs: Array.from({ length: 101 }, (_, i) => `lab-${i}`) }, /labs: assign at most 100 labs/],
		];
		for (const [a, words] of cases) {
			const s = await checkValueOf(a as AssignmentSpec);
			await expectRefused(await packed({ v: 2, a, s }), 'invalid', words);
		}
	});
});
