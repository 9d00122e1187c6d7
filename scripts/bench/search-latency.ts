/**
 * Search latency in Chromium, on a built site served by `astro preview`:
 * - Pagefind through its JavaScript API (`pagefind/pagefind.js`): from `search()` to the first
 *   result's data (title, URL, excerpt), which is what the search page shows first;
 * - the finder (lunr-scored shards) through the site's own built module (`openFinder`): head.json,
 *   then the shards the query needs, up to the titles of the 8 hits the search page shows;
 * - the search page itself: from pressing Enter to the quick and the full-text results on screen.
 * "Cold" is the first query in a fresh browser context (downloads, WebAssembly and index parsing
 * included); "warm" is each later query of the same session.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../playwright.config.ts';
import { QUICK_SHOWN } from '../../src/search/shown.ts';

export interface EngineLatency {
	coldMs: number[];
	warmMs: number[];
	/** Each query's time in every session, cold or warm, and how many results it found. */
	byQuery: Record<string, { ms: number[]; results: number }>;
}

export interface SearchLatency {
	queries: string[];
	sessions: number;
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
									const mod = (await import(`${base}_astro/${chunk}`)) as Mod;
									finder = await mod.openFinder((file) =>
										fetch(`${base}search/finder/${file}`).then((r) => r.json()),
									);
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

			// The search page as a learner uses it: type, press Enter, wait for both result lists.
			const context = await browser.newContext({ serviceWorkers: 'block' });
			const page = await context.newPage();
			await page.goto(`${siteUrl}search/`);
			await page.waitForSelector('[data-search-root][data-ready="true"]');
			for (const [k, q] of qs.entries()) {
				const t = await page.evaluate(
					(q) =>
						new Promise<{ quick: number; full: number }>((resolve, reject) => {
							const input = document.querySelector<HTMLInputElement>('#search-q');
							const quick = document.querySelector('[data-quick]');
							const full = document.querySelector('[data-full]');
							if (!input?.form || !quick || !full) return reject(new Error('search page markup changed'));
							quick.replaceChildren();
							full.replaceChildren();
							input.value = q;
							let tq = 0;
							const t0 = performance.now();
							const obs = new MutationObserver(() => {
								if (!tq && quick.childElementCount > 0) tq = performance.now() - t0;
								if (tq && full.childElementCount > 0) {
									obs.disconnect();
									resolve({ quick: tq, full: performance.now() - t0 });
								}
							});
							obs.observe(quick, { childList: true });
							obs.observe(full, { childList: true });
							input.form.requestSubmit();
						}),
					q,
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
