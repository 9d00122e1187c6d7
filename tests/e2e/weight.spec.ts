/**
 * Byte budgets, measured on the built files (deterministic, no timing). Pages without an island
 * ship no JavaScript file at all, only the inline theme bootstrap; each page type in
 * scripts/bench/page-types.ts has its own JavaScript and CSS budgets (the reasons are there).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import {
	htmlFileOf,
	ISLAND_LOADER_INLINE_BYTES,
	ISLAND_PAGE_JS_GZIP,
	LAB_PAGE_JS_GZIP,
	MODULE_QUIZ_PAGE_JS_GZIP,
	PAGE_TYPES,
	RECORD_PAGE_JS_GZIP,
	THEME_BOOTSTRAP_BYTES,
	ZOD_JS_GZIP,
} from '../../scripts/bench/page-types.ts';
import { htmlFiles, jsClosure, pageWeight, scriptsOf } from '../../scripts/bench/page-weight.ts';
import { DIST } from './helpers.ts';

const BASE = process.env.E2E_BASE_PATH ?? '/';
const KB = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const pages = htmlFiles(DIST).map((f) => scriptsOf(DIST, f));

test('the build produced pages to measure', () => {
	expect(pages.length).toBeGreaterThanOrEqual(7);
});

const isSearch = (p: { page: string }) => p.page === 'search/index.html';

for (const p of pages.filter((x) => x.islands === 0 && !isSearch(x))) {
	test(`${p.page}: no island, so no JavaScript beyond the theme bootstrap`, () => {
		expect(p.external, 'external scripts').toEqual([]);
		expect(p.modulePreloads, 'module preloads').toEqual([]);
		expect(
			p.inline.filter((s) => !s.theme),
			'inline scripts other than the theme bootstrap',
		).toEqual([]);
		const theme = p.inline.filter((s) => s.theme);
		expect(theme).toHaveLength(1);
		expect(Buffer.byteLength(theme[0]?.text ?? '')).toBeLessThanOrEqual(THEME_BOOTSTRAP_BYTES);
	});
}

/** Lab pages carry the editor and the lab runner, and have their own budget (see page-types.ts). */
const isLab = (p: { page: string }) => /^labs\/[^/]+\/index\.html$/.test(p.page);
/** A module page's only island is its quiz; it has its own, smaller budget (see page-types.ts). */
const isModule = (p: { page: string }) => /^modules\/[^/]+\/index\.html$/.test(p.page);
/** The assignment builder validates what the manager types from the start, so it loads zod up front. */
const isBuilder = (p: { page: string }) => p.page === 'assignments/new/index.html';

for (const p of pages.filter((x) => x.islands > 0)) {
	// Every other island page shows the learner's record, loaded after hydration (page-types.ts).
	const budget = isLab(p)
		? LAB_PAGE_JS_GZIP
		: isModule(p)
			? MODULE_QUIZ_PAGE_JS_GZIP
			: isBuilder(p)
				? ISLAND_PAGE_JS_GZIP
				: RECORD_PAGE_JS_GZIP;
	test(`${p.page}: island JavaScript within ${KB(budget)} gzip; inline only the bootstrap and island loader`, () => {
		const w = pageWeight(DIST, BASE, join(DIST, p.page));
		expect(w.js.files.length).toBeGreaterThan(0);
		expect(w.js.external.gzip).toBeLessThanOrEqual(budget);
		expect(p.inline.filter((s) => s.theme)).toHaveLength(1);
		expect(w.js.inline.raw).toBeLessThanOrEqual(THEME_BOOTSTRAP_BYTES + ISLAND_LOADER_INLINE_BYTES);
	});
}

for (const type of PAGE_TYPES) {
	const file = htmlFileOf(type);
	test(`${type.name} (/${type.path}): JavaScript within ${KB(type.jsGzip)} gzip, CSS within ${KB(type.cssGzip)} gzip`, () => {
		test.skip(
			!existsSync(join(DIST, file)),
			`${file} is not in this build: ${type.ifMissing ?? 'page missing'}`,
		);
		const w = pageWeight(DIST, BASE, join(DIST, file));
		console.log(
			`${type.name}: ${w.islands} island(s), JS ${w.js.files.length} files ${KB(w.js.external.gzip)} gzip, CSS ${KB(w.css.total.gzip)} gzip, HTML ${KB(w.html.gzip)} gzip`,
		);
		expect(w.islands > 0, 'has React islands').toBe(type.islands);
		if (!type.islands && type.jsGzip === 0) expect(w.js.files, 'JavaScript files').toEqual([]);
		else expect(w.js.files.length, 'JavaScript files').toBeGreaterThan(0);
		expect(w.js.external.gzip, 'JavaScript files, gzip').toBeLessThanOrEqual(type.jsGzip);
		expect(w.css.files.length, 'stylesheets').toBeGreaterThan(0);
		expect(w.css.total.gzip, 'CSS, gzip').toBeLessThanOrEqual(type.cssGzip);
	});
}

test('lab pages: the editor and the store load after the page has shown; the sandbox engine on the first run', () => {
	const labPages = pages.filter(isLab);
	expect(labPages.length).toBeGreaterThanOrEqual(4);
	const isEditor = (f: string) => readFileSync(f, 'utf8').includes('cm-content');
	for (const p of pages) {
		const files = jsClosure(DIST, BASE, readFileSync(join(DIST, p.page), 'utf8'));
		expect(files.some(isEditor), `${p.page} loads the editor up front`).toBe(false);
		expect(
			files.some((f) => f.endsWith('.wasm') || /lab-worker|strip-types/.test(f)),
			p.page,
		).toBe(false);
		// The editor is reachable only from lab pages, by a dynamic import() once the island is up.
		expect(laterFiles(files).some(isEditor), `${p.page}: editor reachable on use`).toBe(isLab(p));
		if (isLab(p)) {
			expect(
				files.some((f) => ZOD.test(readFileSync(f, 'utf8'))),
				`${p.page} loads zod up front`,
			).toBe(false);
			expect(
				laterFiles(files).some((f) => ZOD.test(readFileSync(f, 'utf8'))),
				`${p.page}: zod reachable on use`,
			).toBe(true);
		}
	}
});

/** The files a built script loads with a dynamic `import("…")`, resolved against its own URL. */
function dynamicImports(file: string): string[] {
	return [...readFileSync(file, 'utf8').matchAll(/\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)].map((m) =>
		join(dirname(file), m[1] as string),
	);
}
/** What the page's up-front files load later with a dynamic import(), with everything those import. */
function laterFiles(files: string[]): string[] {
	return files
		.flatMap(dynamicImports)
		.flatMap((f) => [f, ...jsClosure(DIST, BASE, `<script src="${BASE}${relative(DIST, f)}"></script>`)])
		.filter((f) => existsSync(f));
}
/** Marks of what a quiz needs only later: zod (its internals keep the `_zod` key) and the review's verdicts. */
const ZOD = /\b_zod\b/;
const REVIEW = 'Partly correct (';

test('module pages: the progress schemas, attempt engine and review load on use, not up front', () => {
	const modulePages = pages.filter((p) => isModule(p) && p.islands > 0);
	expect(modulePages.length).toBeGreaterThanOrEqual(10);
	for (const p of modulePages) {
		const files = jsClosure(DIST, BASE, readFileSync(join(DIST, p.page), 'utf8'));
		const text = files.map((f) => readFileSync(f, 'utf8'));
		expect(
			text.some((t) => ZOD.test(t)),
			`${p.page} loads zod up front`,
		).toBe(false);
		expect(
			text.some((t) => t.includes(REVIEW)),
			`${p.page} loads the review up front`,
		).toBe(false);
		// What moved out is still reachable: by a dynamic import() from the quiz's own files.
		const later = files
			.flatMap(dynamicImports)
			.flatMap((f) => [f, ...jsClosure(DIST, BASE, `<script src="${BASE}${relative(DIST, f)}"></script>`)]);
		const laterText = later.filter((f) => existsSync(f)).map((f) => readFileSync(f, 'utf8'));
		expect(
			laterText.some((t) => ZOD.test(t)),
			`${p.page}: zod reachable on use`,
		).toBe(true);
		expect(
			laterText.some((t) => t.includes(REVIEW)),
			`${p.page}: review reachable on use`,
		).toBe(true);
	}
});

test('zod stays tree-shaken: the browser files that contain it are within their budget', () => {
	const dir = join(DIST, '_astro');
	const zodFiles = readdirSync(dir)
		.filter((f) => f.endsWith('.js'))
		.map((f) => readFileSync(join(dir, f)))
		.filter((b) => ZOD.test(b.toString('utf8')));
	expect(zodFiles.length, 'files with zod').toBeGreaterThan(0);
	const gzip = zodFiles.reduce((sum, b) => sum + gzipSync(b).length, 0);
	expect(gzip, `zod in the browser: ${KB(gzip)} gzip`).toBeLessThanOrEqual(ZOD_JS_GZIP);
});

test('search page: lunr and Pagefind are not loaded up front', () => {
	const html = readFileSync(join(DIST, 'search/index.html'), 'utf8');
	const files = jsClosure(DIST, BASE, html);
	expect(files.length).toBeGreaterThan(0);
	expect(files.some((f) => readFileSync(f, 'utf8').includes('lunr.Index'))).toBe(false);
	expect(files.some((f) => f.includes('pagefind'))).toBe(false);
});

test('pages that show the learner’s record load the progress store and its schemas after hydration', () => {
	const recordPages = pages.filter((p) => p.islands > 0 && !isLab(p) && !isModule(p) && !isBuilder(p));
	const kinds = new Set(recordPages.map((p) => p.page.split('/')[0]));
	for (const k of ['dashboard', 'certificates', 'team', 'paths', 'assignments', 'verify'])
		expect(kinds.has(k), `${k} pages measured`).toBe(true);
	for (const p of recordPages) {
		const files = jsClosure(DIST, BASE, readFileSync(join(DIST, p.page), 'utf8'));
		expect(
			files.some((f) => ZOD.test(readFileSync(f, 'utf8'))),
			`${p.page} loads zod up front`,
		).toBe(false);
		const later = files
			.flatMap(dynamicImports)
			.flatMap((f) => [f, ...jsClosure(DIST, BASE, `<script src="${BASE}${relative(DIST, f)}"></script>`)]);
		expect(
			later.filter((f) => existsSync(f)).some((f) => ZOD.test(readFileSync(f, 'utf8'))),
			`${p.page}: zod reachable on use`,
		).toBe(true);
	}
});
