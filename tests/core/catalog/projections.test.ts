import { describe, expect, it } from 'vitest';
import { formatDay } from '../../../src/core/assignments/assignments.ts';
import {
	catalogSummary,
	certificateCatalog,
	contentCounts,
	neighboursBy,
	principlesTouched,
} from '../../../src/core/catalog/projections.ts';
import { formatDate, percentOr, TRACK_TITLES, trackBlurb } from '../../../src/core/progress/labels.ts';
import { loadContent } from '../../../src/lib/content-files.ts';

const root = new URL('../../..', import.meta.url).pathname;
const { catalog } = loadContent(root);
const input = {
	principles: catalog.principles.map((p) => p.data),
	modules: catalog.modules.map((m) => m.data),
	quizzes: catalog.quizzes.map((q) => q.data),
};

describe('catalog projections (shared by lib/ and scripts/)', () => {
	it('counts principles, provisions and NCSC sub-guidelines from the content', () => {
		expect(
			contentCounts(
				input.principles,
				catalog.ncsc.map((g) => g.data),
			),
		).toEqual({ principles: 13, provisions: 72, ncsc: 17 });
		expect(contentCounts([], [])).toEqual({ principles: 0, provisions: 0, ncsc: 0 });
	});

	it('summarises each module with its quiz revision, and leaves the quiz out when there is none', () => {
		const s = catalogSummary(input);
		expect(s.principles).toHaveLength(13);
		const p01 = s.modules.find((m) => m.id === 'p01-awareness');
		expect(p01).toMatchObject({
			track: 'principles',
			principles: [1],
			quiz: {
				id: 'p01-awareness',
				revision: input.quizzes.find((q) => q.id === 'p01-awareness')?.revision,
			},
		});
		expect(p01?.quiz?.revision).toBeGreaterThanOrEqual(1);
		const noQuiz = catalogSummary({ ...input, quizzes: [] });
		expect(noQuiz.modules.every((m) => m.quiz === undefined)).toBe(true);
	});

	it('the certificate catalog carries each principle with its provisions, and modules without order or minutes', () => {
		const c = certificateCatalog(input);
		expect(c.principles.reduce((n, p) => n + p.provisions.length, 0)).toBe(72);
		expect(Object.keys(c.modules[0] ?? {})).toEqual(['id', 'title', 'track', 'principles', 'quiz']);
	});

	it('finds neighbours within each group, in list order', () => {
		const items = [
			{ id: 'a', g: 'x' },
			{ id: 'b', g: 'y' },
			{ id: 'c', g: 'x' },
			{ id: 'd', g: 'x' },
		];
		const n = neighboursBy(
			items,
			(i) => i.id,
			(i) => i.g,
		);
		expect(n.get('a')).toEqual({ prev: undefined, next: items[2] });
		expect(n.get('c')).toEqual({ prev: items[0], next: items[3] });
		expect(n.get('b')).toEqual({ prev: undefined, next: undefined });
	});

	it('a module touches the principles it names and those of its provisions, once each, ascending', () => {
		expect(principlesTouched({ principles: [6, 2], provisions: ['2.6', '12.1', '5.4.1'] })).toEqual([
			2, 5, 6, 12,
		]);
		expect(principlesTouched({ principles: [], provisions: [] })).toEqual([]);
	});
});

describe('labels', () => {
	it('fills the track blurbs with the counts from the content', () => {
		const counts = { principles: 13, provisions: 72, ncsc: 17 };
		expect(trackBlurb('principles', counts)).toMatch(/^The 13 principles and 72 provisions of the UK Code/);
		expect(trackBlurb('ncsc', counts)).toContain('four lifecycle areas, 17 sub-guidelines');
		expect(trackBlurb('principles', { principles: 2, provisions: 5, ncsc: 0 })).toMatch(
			/^The 2 principles and 5 provisions/,
		);
		expect(trackBlurb('secure-coding', counts)).not.toMatch(/[{}]/);
	});

	it('one track title map, one percent with a placeholder for no score', () => {
		expect(TRACK_TITLES['secure-coding']).toBe('AI secure coding');
		expect(percentOr(0.875)).toBe('88%');
		expect(percentOr(undefined)).toBe('–');
		expect(percentOr(undefined, '')).toBe('');
	});
});

describe('the one date formatter', () => {
	it('reads a calendar day where the reader is (no time-zone shift) and a timestamp as a date', () => {
		expect(formatDate('2027-03-31', 'medium', 'en-GB')).toBe('31 Mar 2027');
		expect(formatDate('2027-03-31', 'long', 'en-GB')).toBe('31 March 2027');
		expect(formatDay('2027-01-01', 'en-GB')).toBe('1 Jan 2027');
		const stamp = '2026-12-07T12:00:00.000Z';
		expect(formatDate(stamp, 'medium', 'en-GB')).toBe(
			new Date(stamp).toLocaleDateString('en-GB', { dateStyle: 'medium' }),
		);
	});

	it('keeps one formatter per locale and style: the same day in two locales, again and again', () => {
		for (let i = 0; i < 3; i++) {
			expect(formatDate('2027-03-31', 'medium', 'en-GB')).toBe('31 Mar 2027');
			expect(formatDate('2027-03-31', 'medium', 'en-US')).toBe('Mar 31, 2027');
			expect(formatDate('2027-03-31', 'long', 'en-US')).toBe('March 31, 2027');
		}
	});

	it('says "Invalid Date" for text that is not a date, as before, rather than throwing', () => {
		expect(formatDate('not a date', 'medium', 'en-GB')).toBe('Invalid Date');
		expect(formatDate('2027-13-45T99:00', 'long', 'en-GB')).toBe('Invalid Date');
	});
});
