/**
 * Search latency in Chromium, on a built site served by `astro preview`:
 * - Pagefind through its JavaScript API (`pagefind/pagefind.js`): from `search()` to the first
 *   result's data (title, URL, excerpt), which is what the search page shows first;
 * - the finder (lunr-scored shards) through the site's own built module (`openFinder`): its code
 *   and head.json (fetched side by side, as the search page does), then the shards the query
 *   needs, up to the titles of the 8 hits the search page shows;
 * - the search page itself, as a learner uses it: click into the box, type the query, press Enter;
 *   timed from Enter to the quick and the full-text results on screen. The page starts loading
 *   both engines when the box is clicked, so by Enter they have had the typing time to load.
 * "Cold" is the first query in a fresh browser context (downloads, WebAssembly and index parsing
 * included); "warm" is each later query of the same session. The engine measures start from
 * nothing at the query, with no typing time to hide behind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../playwright.config.ts';
import { QUICK_SHOWN } from '../../src/search/shown.ts';

/** Milliseconds between keys when the bench types a query into the search page (a quick typist). */
export const TYPING_DELAY_MS = 60;

export interface EngineLatency {
	coldMs: number[];
	warmMs: number[];
	/** Each query's time in every session, cold or warm, and how many results it found. */
	byQuery: Record<string, { ms: number[]; results: number }>;
}

export interface SearchLatency {
	queries: string[];
	sessions: number;
	/** Milliseconds between keys when the search page rows typed their query (absent in older results). */
	typingDelayMs?: number;
	pagefind: EngineLatency;
	lunr: EngineLatency | { error: string };
	page: { quickColdMs: number[]; fullColdMs: number[]; quickWarmMs: number[]; fullWarmMs: number[] };
}

/** The built finder module: the chunk that exports `openFinder`. */
function finderChunk(dist: string): string | undefined {
	const dir = join(dist, '_astro');
	return readdirSync(dir).find(
		(f) => f.endsWith('.js') && /as openFinder[,}]/.test(readFileSync(join(dir, f), 'utf8')),
	);
}

export async function measureSearch(
	dist: string,
	siteUrl: string,
	queries: readonly string[],
	sessions: number,
): Promise<SearchLatency> {
	const chunk = finderChunk(dist);
	const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
	const out: SearchLatency = {
		queries: [...queries],
		sessions,
		typingDelayMs: TYPING_DELAY_MS,
		pagefind: { coldMs: [], warmMs: [], byQuery: {} },
		lunr: chunk ? { coldMs: [], warmMs: [], byQuery: {} } : { error: 'no built chunk exports openFinder' },
		page: { quickColdMs: [], fullColdMs: [], quickWarmMs: [], fullWarmMs: [] },
	};
	try {
		for (let s = 0; s < sessions; s++) {
			// Rotate the queries so that each session's cold query is a different one.
			const qs = [...queries.slice(s % queries.length), ...queries.slice(0, s % queries.length)];

			// Engines, each in a fresh context (empty HTTP cache).
			for (const engine of ['pagefind', 'lunr'] as const) {
				if (engine === 'lunr' && !chunk) continue;
				const context = await browser.newContext({ serviceWorkers: 'block' });
				const page = await context.newPage();
				await page.goto(`${siteUrl}search/`);
				const times = await page.evaluate(
					async ({ engine, qs, base, chunk, quickShown }) => {
						const ms: number[] = [];
						const results: number[] = [];
						if (engine === 'pagefind') {
							type PF = {
								options(o: object): Promise<void>;
								search(q: string): Promise<{ results: { data(): Promise<unknown> }[] }>;
							};
							let pf: PF | undefined;
							for (const q of qs) {
								const t0 = performance.now();
								pf ??= (await import(`${base}pagefind/pagefind.js`)) as PF;
								if (ms.length === 0) await pf.options({ baseUrl: base });
								const r = await pf.search(q);
								await r.results[0]?.data();
								ms.push(performance.now() - t0);
								results.push(r.results.length);
							}
						} else {
							type Finder = { search(q: string, limit: number): Promise<{ hits: unknown[] }> };
							type Mod = { openFinder(read: (file: string) => Promise<unknown>): Promise<Finder> };
							let finder: Finder | undefined;
							for (const q of qs) {
								const t0 = performance.now();
								if (!finder) {
									const read = (file: string) => fetch(`${base}search/finder/${file}`).then((r) => r.json());
									const head = read('head.json');
									const mod = (await import(`${base}_astro/${chunk}`)) as Mod;
									finder = await mod.openFinder((file) => (file === 'head.json' ? head : read(file)));
								}
								const r = await finder.search(q, quickShown);
								ms.push(performance.now() - t0);
								results.push(r.hits.length);
							}
						}
						return { ms, results };
					},
					{ engine, qs, base: new URL(siteUrl).pathname, chunk: chunk ?? '', quickShown: QUICK_SHOWN },
				);
				const target = engine === 'pagefind' ? out.pagefind : out.lunr;
				if ('coldMs' in target) {
					target.coldMs.push(times.ms[0] ?? Number.NaN);
					target.warmMs.push(...times.ms.slice(1));
					for (const [k, q] of qs.entries()) {
						const entry = target.byQuery[q] ?? { ms: [], results: 0 };
						entry.ms.push(times.ms[k] ?? Number.NaN);
						entry.results = times.results[k] ?? 0;
						target.byQuery[q] = entry;
					}
				}
				await context.close();
			}

			// The search page as a learner uses it: click into the box, type at TYPING_DELAY_MS a key,
			// press Enter, and time from Enter to both result lists on screen. In a fresh context the
			// engines start loading on that click (as they would for a learner), not before.
			const context = await browser.newContext({ serviceWorkers: 'block' });
			const page = await context.newPage();
			await page.goto(`${siteUrl}search/`);
			await page.waitForSelector('[data-search-root][data-ready="true"]');
			for (const [k, q] of qs.entries()) {
				await page.locator('#search-q').click();
				await page.locator('#search-q').fill('');
				await page.keyboard.type(q, { delay: TYPING_DELAY_MS });
				// Timed from the Enter key's keydown to each result list's first child.
				await page.evaluate(() => {
					const quick = document.querySelector('[data-quick]');
					const full = document.querySelector('[data-full]');
					if (!quick || !full) throw new Error('search page markup changed');
					quick.replaceChildren();
					full.replaceChildren();
					const w = window as unknown as { benchDone?: Promise<{ quick: number; full: number }> };
					w.benchDone = new Promise((resolve) => {
						let t0 = 0;
						let tq = 0;
						document.addEventListener(
							'keydown',
							() => {
								t0 = performance.now();
							},
							{ once: true, capture: true },
						);
						const obs = new MutationObserver(() => {
							if (!t0) return;
							if (!tq && quick.childElementCount > 0) tq = performance.now() - t0;
							if (tq && full.childElementCount > 0) {
								obs.disconnect();
								resolve({ quick: tq, full: performance.now() - t0 });
							}
						});
						obs.observe(quick, { childList: true });
						obs.observe(full, { childList: true });
					});
				});
				await page.keyboard.press('Enter');
				const t = await page.evaluate(
					() => (window as unknown as { benchDone: Promise<{ quick: number; full: number }> }).benchDone,
				);
				if (k === 0) {
					out.page.quickColdMs.push(t.quick);
					out.page.fullColdMs.push(t.full);
				} else {
					out.page.quickWarmMs.push(t.quick);
					out.page.fullWarmMs.push(t.full);
				}
			}
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return out;
}
