import { describe, expect, test } from 'vitest';
import { etsiProvisionId, principleOf, provisionAnchor } from '../../src/core/progress/labels.ts';
import { hashString, seededRandom, shuffle } from '../../src/core/quiz/shuffle.ts';
import { frontmatterOf } from '../../src/lib/content-files.ts';
import { idFromField } from '../../src/lib/content-ids.ts';

describe('ETSI numbering', () => {
	// Examples given in the reference crosswalk: UK 2.3 = ETSI 5.1.2-3, UK 5.4.1 = 5.2.1-4.1, UK 13.2 = 5.5.1-2.
	test.each([
		['5.1.2', '2.3', '5.1.2-3'],
		['5.2.1', '5.4.1', '5.2.1-4.1'],
		['5.5.1', '13.2', '5.5.1-2'],
	])('clause %s, provision %s → %s', (clause, id, expected) => {
		expect(etsiProvisionId(clause, id)).toBe(expected);
	});
	test('anchors and principle numbers', () => {
		expect(provisionAnchor('8.1.2')).toBe('provision-8-1-2');
		expect(principleOf('13.1')).toBe(13);
		expect(principleOf('1.2.2')).toBe(1);
	});
});

describe('deterministic shuffle', () => {
	const items = Array.from({ length: 20 }, (_, i) => i);
	test('same seed, same order; the input is not modified', () => {
		const a = shuffle(items, 'quiz:q1');
		expect(shuffle(items, 'quiz:q1')).toEqual(a);
		expect(items).toEqual(Array.from({ length: 20 }, (_, i) => i));
		expect(a.slice().sort((x, y) => x - y)).toEqual(items);
	});
	test('different seeds give different orders', () => {
		expect(shuffle(items, 'a')).not.toEqual(shuffle(items, 'b'));
		expect(shuffle(items, 'a')).not.toEqual(items);
	});
	test('pinned items keep their position', () => {
		for (const seed of ['x', 'y', 'z', 1, 2, 3]) {
			const out = shuffle(items, seed, (n) => n === 0 || n === 19);
			expect(out[0]).toBe(0);
			expect(out[19]).toBe(19);
		}
	});
	test('empty and single-item lists', () => {
		expect(shuffle([], 's')).toEqual([]);
		expect(shuffle(['only'], 's')).toEqual(['only']);
	});
	test('the generator stays in [0, 1) and hashes are stable 32-bit values', () => {
		const r = seededRandom(42);
		for (let i = 0; i < 1000; i++) {
			const v = r();
			expect(v).toBeGreaterThanOrEqual(0);
			expect(v).toBeLessThan(1);
		}
		expect(hashString('abc')).toBe(hashString('abc'));
		expect(hashString('abc')).not.toBe(hashString('abd'));
		expect(hashString('')).toBe(0x811c9dc5);
	});
});

describe('content ids and frontmatter', () => {
	test('ids come from the named field', () => {
		expect(idFromField('quizzes', 'a.yaml', { id: 'p01-awareness' }, 'id')).toBe('p01-awareness');
		expect(idFromField('content/principles', 'p01.yaml', { number: 1 }, 'number')).toBe('1');
	});
	test('a missing id names the file and the field to add', () => {
		expect(() => idFromField('quizzes', 'broken.yaml', {}, 'id')).toThrow(
			/quizzes\/broken.yaml: the field `id` is missing or empty. Add `id: ...`/,
		);
		expect(() => idFromField('quizzes', 'b.yaml', { id: '  ' }, 'id')).toThrow(/missing or empty/);
	});
	test('frontmatter is read from between the first two --- lines', () => {
		expect(frontmatterOf('---\nid: x\n---\n# Body\n---\n')).toBe('id: x');
		expect(frontmatterOf('# no frontmatter')).toBeUndefined();
		expect(frontmatterOf('---\r\nid: y\r\n---\r\nBody')).toBe('id: y');
	});
});
