import { describe, expect, test } from 'vitest';
import { ModuleSchema } from '../../src/schemas/module.ts';
import { PrincipleSchema } from '../../src/schemas/principle.ts';
import { validModule, validPrinciple } from '../fixtures/content.ts';

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
	r.success ? '' : (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');

describe('module frontmatter', () => {
	test('valid frontmatter parses; the date string becomes a Date', () => {
		const m = ModuleSchema.parse(validModule());
		expect(m.lastReviewed).toBeInstanceOf(Date);
		expect(m.lastReviewed.toISOString().slice(0, 10)).toBe('2026-11-23');
	});
	const cases: [string, Record<string, unknown>, RegExp][] = [
		['unknown track', { track: 'blockchain' }, /unknown track "blockchain": use one of principles, ncsc/],
		['unknown role', { roles: ['hackers'] }, /unknown role "hackers"/],
		['no roles', { roles: [] }, /name at least one role/],
		['one objective', { objectives: ['Only one'] }, /at least two learning objectives/],
		['principle 14', { principles: [14] }, /principles.0/],
		['duplicate provision', { provisions: ['1.1', '1.1'] }, /provision 1.1 is listed twice/],
		['malformed provision id', { provisions: ['P1.1'] }, /a provision id looks like/],
		['unparseable date', { lastReviewed: 'last Tuesday' }, /lastReviewed must be a date/],
		['zero minutes', { minutes: 0 }, /minutes/],
		['misspelt key', { sumary: 'x' }, /sumary/],
		['uppercase id', { id: 'P01' }, /id: an id is lower-case/],
	];
	test.each(cases)('%s is rejected', (_name, patch, expected) => {
		const r = ModuleSchema.safeParse({ ...validModule(), ...patch });
		expect(r.success).toBe(false);
		expect(messages(r)).toMatch(expected);
	});
	test('a module outside the principles track may list no principles', () => {
		expect(ModuleSchema.safeParse({ ...validModule(), track: 'secure-coding', principles: [] }).success).toBe(
			true,
		);
	});
});

describe('principle file', () => {
	test('valid principle parses; may defaults to false', () => {
		const p = PrincipleSchema.parse(validPrinciple(3));
		expect(p.provisions[0]?.may).toBe(false);
	});
	test('a provision numbered under another principle is rejected', () => {
		const raw = validPrinciple(3);
		(raw.provisions as { id: string }[])[0] = { ...(raw.provisions as object[])[0], id: '4.1' } as {
			id: string;
		};
		expect(messages(PrincipleSchema.safeParse(raw))).toMatch(/provision 4.1 does not belong to principle 3/);
	});
	test('a repeated provision id is rejected', () => {
		const raw = validPrinciple(2);
		(raw.provisions as { id: string }[])[1] = { ...(raw.provisions as object[])[1], id: '2.1' } as {
			id: string;
		};
		expect(messages(PrincipleSchema.safeParse(raw))).toMatch(/provision 2.1 appears twice/);
	});
	test.each([
		['modal "must"', { modal: 'must' }, /unknown modal "must"/],
		['no roles', { who: [] }, /name at least one role in `who`/],
		['the draft role "data controllers"', { who: ['data-controllers'] }, /unknown role "data-controllers"/],
		['empty summary', { summary: '' }, /provision summary must not be empty/],
	])('a provision with %s is rejected', (_n, patch, expected) => {
		const raw = validPrinciple(1);
		(raw.provisions as object[])[0] = { ...(raw.provisions as object[])[0], ...patch };
		expect(messages(PrincipleSchema.safeParse(raw))).toMatch(expected);
	});
	test.each([
		['number 14', { number: 14 }, /13 principles/],
		['ETSI clause in the wrong form', { etsiClause: '5.1' }, /an ETSI clause looks like/],
		['unknown phase', { phase: 'retirement' }, /unknown lifecycle phase "retirement"/],
		['NCSC guideline 18', { ncsc: [18] }, /numbered 1 to 17/],
	])('a principle with %s is rejected', (_n, patch, expected) => {
		expect(messages(PrincipleSchema.safeParse({ ...validPrinciple(1), ...patch }))).toMatch(expected);
	});
});
