/**
 * The byte budgets, and the page types the budget tests (tests/e2e/weight.spec.ts) and
 * `npm run bench` measure, declared once. A page type whose HTML file is missing from a build is reported "not built" by the bench
 * and skipped by the tests, so a page added later is measured without any other change.
 *
 * Budgets are gzip bytes of what a browser loads up front, read from the built files
 * (scripts/bench/page-weight.ts); nothing here is timed.
 */

const KiB = 1024;

/** Pages without an island load no JavaScript file at all: lessons must work, and be fast, without scripts. */
export const NO_ISLAND_JS_GZIP = 0;
/**
 * Island pages that parse input as soon as they open: the assignment builder (103.7 KB), which
 * validates the manager's assignment with the zod schemas while it is typed. Was 114 KB for every
 * island page until issue #22 moved the progress store out of the up-front JavaScript of the
 * others (RECORD_PAGE_JS_GZIP).
 */
export const ISLAND_PAGE_JS_GZIP = 106 * KiB;
/**
 * Module pages with a quiz (issue #22: at most 80 KB): React DOM's client (64 KB) and the quiz's
 * start screen, 73.5 KB in all. What the quiz needs later loads with dynamic `import()`s and is
 * not counted: the progress store with its zod schemas (about 30 KB, once the island has
 * hydrated, to record the visit and show past attempts) and the attempt engine, question views,
 * scoring and review (when an attempt starts). Checked by tests/e2e/weight.spec.ts.
 */
export const MODULE_QUIZ_PAGE_JS_GZIP = 76 * KiB;
/**
 * Pages that show the learner's record (issue #22): the dashboard (79.7 KB), certificates (79.6),
 * the team report (79.1), learning paths (75.4), assignments and the verify page. React DOM's
 * client and the page's own views; the progress store with its zod schemas (about 33 KB) loads
 * with a dynamic `import()` once the island has hydrated (islands/adapters/progress-later.ts), so
 * evaluating the schemas is not part of the page's first long task. Checked by
 * tests/e2e/weight.spec.ts, with a test that none of these pages loads zod up front.
 */
export const RECORD_PAGE_JS_GZIP = 82 * KiB;
/** The search page's own script; lunr, the finder index and Pagefind load when the learner turns to the search box, not up front. */
export const SEARCH_PAGE_JS_GZIP = 10 * KiB;
/**
 * Lab pages (81.9 KB on the exploit lab): React (66 KB), the lab runner's views and grading core.
 * Loaded after the island has hydrated, not counted (issue #22; it was 251 KB up front before):
 * the CodeMirror editor (about 145 KB) and the progress store with its schemas, both fetched as the
 * island hydrates. Loaded on first use: the sandbox worker (16 KB), QuickJS's WebAssembly (about
 * 230 KB gzip, fetched when the first run starts and kept by the service worker) and, on
 * TypeScript labs only, the type stripper (sucrase).
 */
export const LAB_PAGE_JS_GZIP = 86 * KiB;
/**
 * Zod in the browser, wherever it is loaded: 25.7 KB gzip, tree-shaken to what the schemas use.
 * Importing the module that re-exports `z` with a dynamic `import()` keeps all of zod (90 KB);
 * issue #22 did that once by accident, and this budget is what caught it.
 */
export const ZOD_JS_GZIP = 28 * KiB;
/** The inline theme bootstrap on every page: applies the saved theme before first paint (raw bytes, it is inline). */
export const THEME_BOOTSTRAP_BYTES = 2560;
/** Astro's inline island loader (the astro-island element and the client:idle directive), once per island page (raw bytes). */
export const ISLAND_LOADER_INLINE_BYTES = 6 * KiB;
/** One shared stylesheet with both themes (light-dark()) plus the page's scoped styles; no web fonts. */
export const PAGE_CSS_GZIP = 5 * KiB;
/** Island pages add the islands' styles (quiz, dashboard) and, on lessons, the code-highlighting theme. */
export const ISLAND_PAGE_CSS_GZIP = 9 * KiB;
/** Finder index growth per module with its quiz, all its files together: titles, summaries and objectives only, never lesson text (tests/search/finder.test.ts). */
export const FINDER_BYTES_PER_MODULE_GZIP = 700;
/**
 * The finder's head.json, which every first query downloads: the sorted list of indexed terms
 * (about 4,400 at 2,000 modules, since the vocabulary grows slowly), the shard names and the exact
 * lookups. Checked on the real site (6.2 KB) and on the benchmark's 2,000-module corpus (15.3 KB).
 */
export const FINDER_HEAD_GZIP = 24 * KiB;
/**
 * Each finder shard (a range of terms with their postings, closed at 16 KB of JSON, or 64
 * documents' titles and URLs). The largest is 7.1 KB on the real site and 5.6 KB at 2,000 modules;
 * a single very common term could outgrow it, which this budget would then report.
 */
export const FINDER_SHARD_GZIP = 12 * KiB;
/**
 * Everything the search page's first query downloads from the finder at 2,000 modules: head.json,
 * the term shards of its words and the document shards of the 8 hits shown (about 30-57 KB for
 * the benchmark's queries).
 */
export const FINDER_QUERY_GZIP = 72 * KiB;

export interface PageType {
	id: 'home' | 'principle' | 'module' | 'dashboard' | 'certificate' | 'search' | 'team' | 'lab' | 'lab-fix';
	name: string;
	/** URL relative to the site's base path. */
	path: string;
	/** Whether the page has React islands (checked: a page that gains one by accident fails). */
	islands: boolean;
	/** gzip bytes of JavaScript files loaded up front (external scripts, islands and their static imports). */
	jsGzip: number;
	/** gzip bytes of CSS, linked and inline. */
	cssGzip: number;
	/** Said when the page is missing from a build. */
	ifMissing?: string;
}

export const PAGE_TYPES: readonly PageType[] = [
	{ id: 'home', name: 'Home', path: '', islands: false, jsGzip: NO_ISLAND_JS_GZIP, cssGzip: PAGE_CSS_GZIP },
	{
		id: 'principle',
		name: 'Principle',
		path: 'principles/1/',
		islands: false,
		jsGzip: NO_ISLAND_JS_GZIP,
		cssGzip: PAGE_CSS_GZIP,
	},
	{
		id: 'module',
		name: 'Module with quiz',
		path: 'modules/p01-awareness/',
		islands: true,
		jsGzip: MODULE_QUIZ_PAGE_JS_GZIP,
		cssGzip: ISLAND_PAGE_CSS_GZIP,
	},
	{
		id: 'dashboard',
		name: 'Dashboard',
		path: 'dashboard/',
		islands: true,
		jsGzip: RECORD_PAGE_JS_GZIP,
		cssGzip: ISLAND_PAGE_CSS_GZIP,
	},
	{
		id: 'certificate',
		name: 'Certificate',
		path: 'certificates/p01/',
		islands: true,
		// pdf-lib loads with a dynamic import() on click, so it is not counted up front.
		jsGzip: RECORD_PAGE_JS_GZIP,
		cssGzip: ISLAND_PAGE_CSS_GZIP,
		ifMissing: 'the certificate pages are not on this branch yet',
	},
	{
		id: 'search',
		name: 'Search',
		path: 'search/',
		islands: false,
		jsGzip: SEARCH_PAGE_JS_GZIP,
		cssGzip: PAGE_CSS_GZIP,
	},
	{
		id: 'team',
		name: 'Team report',
		path: 'team/',
		islands: true,
		jsGzip: RECORD_PAGE_JS_GZIP,
		cssGzip: ISLAND_PAGE_CSS_GZIP,
		ifMissing: 'the team report page is not on this branch yet',
	},
	{
		id: 'lab',
		name: 'Lab',
		path: 'labs/markdown-image-exfiltration/',
		islands: true,
		jsGzip: LAB_PAGE_JS_GZIP,
		cssGzip: ISLAND_PAGE_CSS_GZIP,
		ifMissing: 'the labs are not on this branch yet',
	},
	{
		// The lab above opens on its attack stage, where the editor is not needed yet; most labs
		// open on the fix, with the editor further down the page.
		id: 'lab-fix',
		name: 'Lab without an attack stage',
		path: 'labs/prompt-redaction/',
		islands: true,
		jsGzip: LAB_PAGE_JS_GZIP,
		cssGzip: ISLAND_PAGE_CSS_GZIP,
		ifMissing: 'the labs are not on this branch yet',
	},
];

/** The HTML file of a page type, relative to the build folder. */
export function htmlFileOf(p: Pick<PageType, 'path'>): string {
	return `${p.path}index.html`;
}
