/**
 * JavaScript budget, measured on the built files (deterministic, no timing). Pages without an
 * island must ship no JavaScript at all apart from the inline theme bootstrap, which has its
 * own small budget.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

import { DIST } from './helpers.ts';

const BASE = process.env.E2E_BASE_PATH ?? '/';
/** The theme bootstrap script: remembers the chosen theme and applies it before first paint. */
const THEME_BOOTSTRAP_BUDGET_BYTES = 2560;

function htmlFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(full);
		return name.endsWith('.html') ? [full] : [];
	});
}

interface PageScripts {
	page: string;
	islands: number;
	external: string[];
	inline: { theme: boolean; bytes: number }[];
	modulePreloads: string[];
}

function scriptsOf(file: string): PageScripts {
	const html = readFileSync(file, 'utf8');
	const external: string[] = [];
	const inline: { theme: boolean; bytes: number }[] = [];
	for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
		const attrs = m[1] ?? '';
		const body = m[2] ?? '';
		const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
		if (src) external.push(src);
		else if (!/type="application\/(ld\+)?json"/.test(attrs)) {
			inline.push({ theme: attrs.includes('data-theme-bootstrap'), bytes: Buffer.byteLength(body) });
		}
	}
	const modulePreloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]*href="([^"]+)"/g)].map(
		(m) => m[1] ?? '',
	);
	return {
		page: relative(DIST, file),
		islands: (html.match(/<astro-island\b/g) ?? []).length,
		external,
		inline,
		modulePreloads,
	};
}

const pages = htmlFiles(DIST).map(scriptsOf);

test('the build produced pages to measure', () => {
	expect(pages.length).toBeGreaterThanOrEqual(7);
});

/** The search page has a small script of its own; the indexes it loads come later, on first use. */
const SEARCH_SCRIPT_BUDGET_GZIP = 10 * 1024;
const isSearch = (p: PageScripts) => p.page === 'search/index.html';

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
		expect(theme[0]?.bytes ?? 0).toBeLessThanOrEqual(THEME_BOOTSTRAP_BUDGET_BYTES);
	});
}

/**
 * Pages with an island: everything the browser may load for them (each island's component and
 * renderer, and their static imports), gzipped. React DOM's client is about 66 KB of it; the
 * quiz engine, progress store and their zod schemas most of the rest.
 */
const ISLAND_PAGE_BUDGET_GZIP = 110 * 1024;

function jsClosure(html: string): string[] {
	const seen = new Set<string>();
	const queue = [...html.matchAll(/(?:component-url|renderer-url|src)="([^"]+\.js)"/g)].map(
		(m) => m[1] as string,
	);
	while (queue.length) {
		const url = queue.pop() as string;
		const file = join(DIST, url.startsWith(BASE) ? url.slice(BASE.length) : url.replace(/^\//, ''));
		if (seen.has(file)) continue;
		seen.add(file);
		const code = readFileSync(file, 'utf8');
		for (const m of code.matchAll(/(?:import|from)\s*["'](\.\/[^"']+\.js)["']/g)) {
			queue.push(join(url, '..', m[1] as string));
		}
	}
	return [...seen];
}

for (const p of pages.filter((x) => x.islands > 0)) {
	test(`${p.page}: island JavaScript within ${ISLAND_PAGE_BUDGET_GZIP / 1024} KB gzip`, () => {
		const html = readFileSync(join(DIST, p.page), 'utf8');
		const files = jsClosure(html);
		expect(files.length).toBeGreaterThan(0);
		const gz = files.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);
		console.log(`${p.page}: ${files.length} JS files, ${(gz / 1024).toFixed(1)} KB gzip`);
		expect(gz).toBeLessThanOrEqual(ISLAND_PAGE_BUDGET_GZIP);
	});
}

test(`search page: script loaded up front within ${SEARCH_SCRIPT_BUDGET_GZIP / 1024} KB gzip; indexes load on first use`, () => {
	const page = pages.find(isSearch);
	expect(page).toBeDefined();
	const html = readFileSync(join(DIST, 'search/index.html'), 'utf8');
	const files = jsClosure(html);
	expect(files.length).toBeGreaterThan(0);
	const gz = files.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);
	console.log(`search/index.html: ${files.length} JS files up front, ${(gz / 1024).toFixed(1)} KB gzip`);
	expect(gz).toBeLessThanOrEqual(SEARCH_SCRIPT_BUDGET_GZIP);
	expect(files.some((f) => readFileSync(f, 'utf8').includes('lunr.Index'))).toBe(false);
});

test('the pages that should have islands do, and lesson text pages do not', () => {
	const withIslands = pages.filter((x) => x.islands > 0).map((x) => x.page);
	expect(withIslands).toContain('dashboard/index.html');
	expect(withIslands).toContain('modules/p01-awareness/index.html');
	expect(withIslands).not.toContain('index.html');
	expect(withIslands).not.toContain('principles/1/index.html');
});
