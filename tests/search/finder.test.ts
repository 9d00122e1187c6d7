import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { corpusProject } from '../../scripts/bench/builds.ts';
import { FINDER_BYTES_PER_MODULE_GZIP } from '../../scripts/bench/page-types.ts';
import { removeDir } from '../../scripts/lib/temp-project.ts';
import { loadContent } from '../../src/lib/content-files.ts';
import { finderDocuments } from '../../src/search/documents.ts';
import { buildFinder, type FinderDoc, loadFinder } from '../../src/search/finder.ts';

const root = new URL('../..', import.meta.url).pathname;
const { catalog } = loadContent(root);
const docs = finderDocuments({
	principles: catalog.principles.map((p) => p.data),
	modules: catalog.modules.map((m) => m.data),
	quizzes: catalog.quizzes.map((q) => q.data),
	glossary: (catalog.glossary ?? []).map((g) => g.data),
	base: '/',
});
const data = buildFinder(docs);
/** The finder index, as served, for the content under `dir`, gzipped. */
function finderGzip(dir: string): number {
	const { catalog: c } = loadContent(dir);
	const d = finderDocuments({
		principles: c.principles.map((p) => p.data),
		modules: c.modules.map((m) => m.data),
		quizzes: c.quizzes.map((q) => q.data),
		glossary: (c.glossary ?? []).map((g) => g.data),
		base: '/',
	});
	return gzipSync(JSON.stringify(buildFinder(d))).length;
}
// Round-trip through JSON, exactly as the browser receives it.
const finder = loadFinder(JSON.parse(JSON.stringify(data)));
const byRef = new Map<string, FinderDoc>(docs.map((d) => [d.ref, d]));

describe('finder documents', () => {
	test('every principle, all 72 provisions, every module and quiz become documents', () => {
		const count = (k: string) => docs.filter((d) => d.kind === k).length;
		expect(count('principle')).toBe(13);
		expect(count('provision')).toBe(72);
		expect(count('module')).toBe(catalog.modules.length);
		expect(count('quiz')).toBe(catalog.quizzes.length);
		expect(count('term')).toBe(catalog.glossary?.length ?? 0);
	});
});

describe('finder queries', () => {
	test('an exact provision id goes straight to that provision', () => {
		const r = finder.search('8.1.2');
		expect(r.exact).toMatchObject({ kind: 'provision', url: '/principles/8/#provision-8-1-2' });
		expect(finder.search('  5.4.1 ').exact?.url).toBe('/principles/5/#provision-5-4-1');
	});
	test('"principle 5" and "p5" are exact hits for the principle', () => {
		expect(finder.search('principle 5').exact?.url).toBe('/principles/5/');
		expect(finder.search('P5').exact?.url).toBe('/principles/5/');
	});
	test('a draft-numbered provision (1.3.1) is not found exactly', () => {
		expect(finder.search('1.3.1').exact).toBeUndefined();
	});
	test('fielded query: role:operator phase:maintenance returns only matching documents', () => {
		const r = finder.search('role:operator phase:maintenance');
		expect(r.filters).toEqual({ role: 'operator', phase: 'maintenance' });
		expect(r.hits.length).toBeGreaterThan(0);
		for (const h of r.hits) {
			const d = byRef.get(h.ref);
			expect(d?.roles, h.ref).toContain('operator');
			expect(d?.phases, h.ref).toContain('maintenance');
		}
		expect(r.hits.some((h) => h.ref === 'provision:12.1')).toBe(true);
	});
	test('aliases for roles work (system-operators, operators)', () => {
		expect(finder.search('role:system-operators').filters.role).toBe('operator');
		expect(finder.search('role:operators logs').hits.length).toBeGreaterThan(0);
	});
	test('words and fields combine: role:developer hashes finds 8.1.2', () => {
		expect(finder.search('role:developer hashes').hits.map((h) => h.ref)).toContain('provision:8.1.2');
	});
	test('stemming: "poisoned" finds documents about poisoning', () => {
		const refs = finder.search('poisoned').hits.map((h) => h.ref);
		expect(refs).toContain('provision:8.2');
	});
	test('one typo is forgiven in longer words', () => {
		expect(finder.search('disclosre').hits.map((h) => h.ref)).toContain('provision:6.4');
	});
	test('an unfinished last word is completed (search as you type)', () => {
		expect(finder.search('vulnerability discl').hits.map((h) => h.ref)).toContain('provision:6.4');
	});
	test('nonsense finds nothing', () => {
		expect(finder.search('qwzxvbnm')).toMatchObject({ exact: undefined, hits: [] });
		expect(finder.search('')).toMatchObject({ exact: undefined, hits: [] });
	});
	test('unknown fields are reported, not thrown', () => {
		const r = finder.search('colour:blue role:wizard');
		expect(r.ignored).toEqual(['colour:blue', 'role:wizard']);
		expect(r.hits).toEqual([]);
	});
	test('lunr query syntax in user input does not throw', () => {
		for (const q of ['+', '-', '~2', '^3', '*', 'a:b:c', 'prompt~', 'title:', ':', '"unclosed']) {
			expect(() => finder.search(q)).not.toThrow();
		}
	});
});

describe('finder index size', () => {
	const json = JSON.stringify(data);
	const gz = gzipSync(json).length;
	// Budget: 1 KB gzipped per indexed document on average, 150 KB gzipped in all. The finder indexes
	// titles, summaries, objectives and definitions, never full lesson text (that is Pagefind's job),
	// so it grows with the catalogue, not with the length of lessons.
	test(`stays within budget (now ${(json.length / 1024).toFixed(0)} KB, ${(gz / 1024).toFixed(1)} KB gzipped, for ${docs.length} documents)`, () => {
		expect(gz / docs.length).toBeLessThanOrEqual(1024);
		expect(gz).toBeLessThanOrEqual(150 * 1024);
	});
});

describe('finder index growth', () => {
	// Synthetic corpora (the benchmark's generator, modules shaped like the real ones) of 50 and
	// 150 modules: the difference is what 100 more modules with their quizzes add to finder.json.
	test(`each module with its quiz adds at most ${FINDER_BYTES_PER_MODULE_GZIP} B gzip`, () => {
		const small = corpusProject(50, 1);
		const large = corpusProject(150, 1);
		try {
			const perModule = (finderGzip(large) - finderGzip(small)) / 100;
			console.log(`finder index: ${perModule.toFixed(0)} B gzip per module with its quiz`);
			expect(perModule).toBeGreaterThan(0);
			expect(perModule).toBeLessThanOrEqual(FINDER_BYTES_PER_MODULE_GZIP);
		} finally {
			removeDir(small);
			removeDir(large);
		}
	});
});
