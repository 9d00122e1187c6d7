import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { principleList } from '../../scripts/bench/builds.ts';
import { academyCatalog, searchQueries } from '../../scripts/bench/corpus.ts';
import {
	FINDER_BYTES_PER_MODULE_GZIP,
	FINDER_HEAD_GZIP,
	FINDER_QUERY_GZIP,
	FINDER_SHARD_GZIP,
} from '../../scripts/bench/page-types.ts';
import { loadContent } from '../../src/lib/content-files.ts';
import { ModuleSchema } from '../../src/schemas/module.ts';
import { QuizSchema } from '../../src/schemas/quiz.ts';
import { type FinderSource, finderDocuments } from '../../src/search/documents.ts';
import {
	clausesFor,
	expandClause,
	type FinderDoc,
	type FinderHead,
	openFinder,
	parseQuery,
	scoreClauses,
	type TermShard,
	withinOneEdit,
} from '../../src/search/finder.ts';
import { type BuiltFinder, buildFinder, lunrSearch } from '../../src/search/finder-build.ts';
import { QUICK_SHOWN } from '../../src/search/shown.ts';

const root = new URL('../..', import.meta.url).pathname;
const { catalog } = loadContent(root);
const realSource: FinderSource = {
	principles: catalog.principles.map((p) => p.data),
	modules: catalog.modules.map((m) => m.data),
	quizzes: catalog.quizzes.map((q) => q.data),
	glossary: (catalog.glossary ?? []).map((g) => g.data),
	base: '/',
};
const docs = finderDocuments(realSource);
const built = buildFinder(docs);
const byRef = new Map<string, FinderDoc>(docs.map((d) => [d.ref, d]));

/** Opens a built finder as the browser does (each file parsed from its JSON text), recording what it fetches. */
async function open(b: BuiltFinder) {
	const fetched: string[] = [];
	const finder = await openFinder(async (file) => {
		fetched.push(file);
		const text = b.files.get(file);
		if (text === undefined) throw new Error(`no finder file ${file}`);
		return JSON.parse(text);
	});
	return { finder, fetched };
}
const { finder } = await open(built);

/** The synthetic corpus of the benchmark (modules shaped like the real ones), as finder documents, without any build. */
function corpusSource(modules: number): FinderSource {
	const c = academyCatalog({ modules, seed: 1, principles: principleList() });
	return {
		...realSource,
		modules: c.modules.map((m) => ModuleSchema.parse(m)),
		quizzes: c.quizzes.map((q) => QuizSchema.parse(q)),
	};
}
const gz = (text: string) => gzipSync(text).length;
const totalGzip = (b: BuiltFinder) => [...b.files.values()].reduce((s, t) => s + gz(t), 0);

/** The shards' ranking for the clauses, computed from the files alone (JSON round trip). */
function shardRanking(b: BuiltFinder, clauses: ReturnType<typeof clausesFor>) {
	const head = JSON.parse(b.files.get('head.json') as string) as FinderHead;
	const expanded = clauses.map((c) => expandClause(head.terms, c));
	const shards = head.termFiles.map((f) => JSON.parse(b.files.get(f) as string) as TermShard);
	const posting = (t: number) => {
		let s = head.termStarts.length - 1;
		while ((head.termStarts[s] as number) > t) s--;
		return shards[s]?.[t - (head.termStarts[s] as number)] ?? [];
	};
	const refs = JSON.parse(`[${head.docFiles.map((f) => b.files.get(f)).join(',')}]`).flat() as [string][];
	return scoreClauses(clauses, expanded, posting).map((r) => ({
		ref: refs[r.doc]?.[0] as string,
		score: r.score,
	}));
}

/** Asserts that the shards give lunr's own results: the same documents with the same scores, best first. */
function expectSameAsLunr(b: BuiltFinder, query: string) {
	for (const prefixLast of [false, true]) {
		const clauses = clausesFor(parseQuery(query), prefixLast);
		const ours = shardRanking(b, clauses);
		const theirs = lunrSearch(b.index, clauses);
		const label = `${query}${prefixLast ? ' (last word as prefix)' : ''}`;
		expect(ours.length, label).toBe(theirs.length);
		const score = new Map(theirs.map((r) => [r.ref, r.score]));
		for (const r of ours)
			expect(r.score, `${label}: ${r.ref}`).toBeCloseTo(score.get(r.ref) ?? Number.NaN, 9);
		for (let i = 1; i < ours.length; i++)
			expect((ours[i - 1] as { score: number }).score).toBeGreaterThanOrEqual(
				(ours[i] as { score: number }).score,
			);
	}
}

/** Queries with plain words, typos, unfinished words, ids and fields. */
const QUERIES = [
	'poisoning',
	'poisoned',
	'prompt injection',
	'disclosre',
	'vulnerability discl',
	'role:developer hashes',
	'role:operator phase:maintenance',
	'kind:term model',
	'principle:8 supply chain',
	'8.1.2',
	'secure by desing',
	'logging',
	'modle inversion',
	'trainig data',
	'api',
	'dat',
	'qwzxvbnm',
];

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
	test('an exact provision id goes straight to that provision', async () => {
		const r = await finder.search('8.1.2');
		expect(r.exact).toMatchObject({ kind: 'provision', url: '/principles/8/#provision-8-1-2' });
		expect((await finder.search('  5.4.1 ')).exact?.url).toBe('/principles/5/#provision-5-4-1');
	});
	test('"principle 5" and "p5" are exact hits for the principle', async () => {
		expect((await finder.search('principle 5')).exact?.url).toBe('/principles/5/');
		expect((await finder.search('P5')).exact?.url).toBe('/principles/5/');
	});
	test('a draft-numbered provision (1.3.1) is not found exactly', async () => {
		expect((await finder.search('1.3.1')).exact).toBeUndefined();
	});
	test('fielded query: role:operator phase:maintenance returns only matching documents', async () => {
		const r = await finder.search('role:operator phase:maintenance');
		expect(r.filters).toEqual({ role: 'operator', phase: 'maintenance' });
		expect(r.hits.length).toBeGreaterThan(0);
		for (const h of r.hits) {
			const d = byRef.get(h.ref);
			expect(d?.roles, h.ref).toContain('operator');
			expect(d?.phases, h.ref).toContain('maintenance');
		}
		expect(r.hits.some((h) => h.ref === 'provision:12.1')).toBe(true);
	});
	test('aliases for roles work (system-operators, operators)', async () => {
		expect((await finder.search('role:system-operators')).filters.role).toBe('operator');
		expect((await finder.search('role:operators logs')).hits.length).toBeGreaterThan(0);
	});
	test('words and fields combine: role:developer hashes finds 8.1.2', async () => {
		expect((await finder.search('role:developer hashes')).hits.map((h) => h.ref)).toContain(
			'provision:8.1.2',
		);
	});
	test('stemming: "poisoned" finds documents about poisoning', async () => {
		const refs = (await finder.search('poisoned')).hits.map((h) => h.ref);
		expect(refs).toContain('provision:8.2');
	});
	test('one typo is forgiven in longer words', async () => {
		expect((await finder.search('disclosre')).hits.map((h) => h.ref)).toContain('provision:6.4');
	});
	test('an unfinished last word is completed (search as you type)', async () => {
		expect((await finder.search('vulnerability discl')).hits.map((h) => h.ref)).toContain('provision:6.4');
	});
	test('nonsense finds nothing', async () => {
		expect(await finder.search('qwzxvbnm')).toMatchObject({ exact: undefined, hits: [] });
		expect(await finder.search('')).toMatchObject({ exact: undefined, hits: [] });
	});
	test('unknown fields are reported, not thrown', async () => {
		const r = await finder.search('colour:blue role:wizard');
		expect(r.ignored).toEqual(['colour:blue', 'role:wizard']);
		expect(r.hits).toEqual([]);
	});
	test('lunr query syntax in user input does not throw', async () => {
		for (const q of ['+', '-', '~2', '^3', '*', 'a:b:c', 'prompt~', 'title:', ':', '"unclosed']) {
			await expect(finder.search(q), q).resolves.toBeDefined();
		}
	});
	test('hits carry the title, summary and URL of their document, at most `limit` of them', async () => {
		const r = await finder.search('model', 5);
		expect(r.hits).toHaveLength(5);
		for (const h of r.hits) {
			const d = byRef.get(h.ref) as FinderDoc;
			expect(h).toMatchObject({ kind: d.kind, title: d.title, summary: d.summary, url: d.url });
		}
	});
	test('a shard that cannot be downloaded fails the search, and the next search fetches it again', async () => {
		let fail = true;
		const f = await openFinder(async (file) => {
			if (file !== 'head.json' && fail) throw new Error('offline');
			return JSON.parse(built.files.get(file) as string);
		});
		await expect(f.search('poisoning')).rejects.toThrow('offline');
		fail = false;
		expect((await f.search('poisoning')).hits.length).toBeGreaterThan(0);
	});
	test('prefetch loads every shard once, after which queries download nothing', async () => {
		const { finder: f, fetched } = await open(built);
		await f.search('poisoning');
		await f.prefetch(3);
		expect([...fetched].sort()).toEqual([...built.files.keys()].sort());
		const before = fetched.length;
		for (const q of QUERIES) await f.search(q);
		expect(fetched.length).toBe(before);
	});
	test('preload fetches what the search will need, so the search then downloads nothing', async () => {
		for (const q of QUERIES) {
			const { finder: f, fetched } = await open(built);
			await f.preload(q, 8);
			const before = [...fetched];
			// Some shards, never the whole index: only this query's.
			expect(fetched.length, q).toBeLessThan(built.files.size);
			const r = await f.search(q, 8);
			expect(fetched, q).toEqual(before);
			expect(r, q).toEqual(await finder.search(q, 8));
		}
	});
	test('preload of a half-typed word fetches the shards of the words it may become', async () => {
		const { finder: f, fetched } = await open(built);
		await f.preload('poiso');
		const before = fetched.length;
		expect(before).toBeGreaterThan(1);
		expect((await f.search('poiso')).hits.length).toBeGreaterThan(0);
		expect(fetched.length).toBe(before);
	});
	test('preload does not fail when a shard cannot be downloaded; the search fetches it again', async () => {
		let fail = true;
		const failed: string[] = [];
		const f = await openFinder(async (file) => {
			if (fail && file !== 'head.json') {
				failed.push(file);
				throw new Error('offline');
			}
			return JSON.parse(built.files.get(file) as string);
		});
		await expect(f.preload('poisoning')).resolves.toBeUndefined();
		expect(failed.length).toBeGreaterThan(0);
		fail = false;
		expect((await f.search('poisoning')).hits.length).toBeGreaterThan(0);
	});
	test('prefetch skips a shard that fails, and a query fetches it again', async () => {
		let fail = true;
		const failed: string[] = [];
		const f = await openFinder(async (file) => {
			if (fail && file.startsWith('t')) {
				failed.push(file);
				throw new Error('offline');
			}
			return JSON.parse(built.files.get(file) as string);
		});
		await expect(f.prefetch()).resolves.toBeUndefined();
		expect(failed).toHaveLength(built.head.termFiles.length);
		fail = false;
		expect((await f.search('poisoning')).hits.length).toBeGreaterThan(0);
	});
	test('a head.json of another format is refused with a plain message', async () => {
		await expect(openFinder(async () => ({ version: 1, index: {} }))).rejects.toThrow(
			/not a version 2 finder index/,
		);
	});
});

describe('finder shards agree with lunr', () => {
	test('one edit: insertion, deletion, substitution and a swap of neighbours, nothing more', () => {
		for (const w of ['poison', 'poisons', 'poson', 'poisin', 'opison', 'pioson'])
			expect(withinOneEdit('poison', w), w).toBe(true);
		for (const w of ['pos', 'opsion', 'poisonous', 'xoisin', 'piosno'])
			expect(withinOneEdit('poison', w), w).toBe(false);
	});
	test('every test query gives the documents and scores of lunr on the whole index (real site)', () => {
		for (const q of QUERIES) expectSameAsLunr(built, q);
	});
});

describe('finder index size', () => {
	const head = gz(built.files.get('head.json') as string);
	const shards = [...built.files].filter(([f]) => f !== 'head.json').map(([f, t]) => ({ f, gz: gz(t) }));
	const largest = Math.max(...shards.map((s) => s.gz));
	// The budgets and their reasons are in scripts/bench/page-types.ts.
	test(`real site: head.json ${(head / 1024).toFixed(1)} KB gzip (budget ${FINDER_HEAD_GZIP / 1024} KB), largest of ${shards.length} shards ${(largest / 1024).toFixed(1)} KB (budget ${FINDER_SHARD_GZIP / 1024} KB)`, () => {
		expect(head).toBeLessThanOrEqual(FINDER_HEAD_GZIP);
		for (const s of shards) expect(s.gz, s.f).toBeLessThanOrEqual(FINDER_SHARD_GZIP);
	});
	test('shard names carry a hash of their content, and head.json lists every shard', () => {
		const h = built.head;
		expect([...h.termFiles, ...h.docFiles].sort()).toEqual(shards.map((s) => s.f).sort());
		for (const f of [...h.termFiles, ...h.docFiles]) expect(f).toMatch(/^[td]\d+\.[0-9a-f]{10}\.json$/);
	});
});

describe('finder at 2,000 modules (the benchmark corpus, index only)', { timeout: 300_000 }, () => {
	const big = buildFinder(finderDocuments(corpusSource(2000)));
	const head = gz(big.files.get('head.json') as string);
	const shards = [...big.files].filter(([f]) => f !== 'head.json').map(([f, t]) => ({ f, gz: gz(t) }));
	const sizeOf = new Map([...big.files].map(([f, t]) => [f, gz(t)]));
	test(`head.json ${(head / 1024).toFixed(1)} KB gzip and each of ${shards.length} shards (largest ${(Math.max(...shards.map((s) => s.gz)) / 1024).toFixed(1)} KB) within budget`, () => {
		expect(head).toBeLessThanOrEqual(FINDER_HEAD_GZIP);
		for (const s of shards) expect(s.gz, s.f).toBeLessThanOrEqual(FINDER_SHARD_GZIP);
	});
	test(`the search page's first query downloads at most ${FINDER_QUERY_GZIP / 1024} KB gzip, head.json included, of ${(totalGzip(big) / 1024).toFixed(0)} KB in all`, async () => {
		for (const q of [...searchQueries({ modules: 2000 }), 'role:operator phase:maintenance', 'model']) {
			const { finder: f, fetched } = await open(big);
			const r = await f.search(q, QUICK_SHOWN);
			const bytes = fetched.reduce((s, file) => s + (sizeOf.get(file) ?? 0), 0);
			console.log(
				`2,000 modules, first query "${q}": ${r.hits.length} hits, ${fetched.length} files, ${(bytes / 1024).toFixed(1)} KB gzip`,
			);
			expect(bytes, q).toBeLessThanOrEqual(FINDER_QUERY_GZIP);
		}
	});
	test('the benchmark queries give lunr’s documents and scores', () => {
		for (const q of [
			...searchQueries({ modules: 2000 }),
			'role:operator phase:maintenance',
			'signed chekcsum',
		])
			expectSameAsLunr(big, q);
	});
	test(`each module with its quiz adds at most ${FINDER_BYTES_PER_MODULE_GZIP} B gzip to the files in all`, () => {
		// Measured from 100 to 200 modules (cheap, and an upper bound: new modules bring fewer new
		// words as the catalogue grows; from 1,000 to 2,000 it is about 230 B).
		const [small, large] = [100, 200].map((n) => totalGzip(buildFinder(finderDocuments(corpusSource(n)))));
		const perModule = ((large as number) - (small as number)) / 100;
		console.log(
			`finder index: ${perModule.toFixed(0)} B gzip per module with its quiz; ${(totalGzip(big) / 1024).toFixed(0)} KB in all at 2,000 modules`,
		);
		expect(perModule).toBeGreaterThan(0);
		expect(perModule).toBeLessThanOrEqual(FINDER_BYTES_PER_MODULE_GZIP);
	});
});
