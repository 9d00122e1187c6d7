/**
 * What a built page costs a browser, read from the files of a build (no browser, no timing): its
 * HTML, the JavaScript it loads up front (inline scripts, external scripts, island components and
 * renderers, and everything they import statically), and its CSS. Dynamic `import()`s are left
 * out on purpose: they load on use (Pagefind and the finder on the first search, pdf-lib on a
 * click). Used by the budget tests (tests/e2e/weight.spec.ts) and by `npm run bench`, which also
 * measures Starlight's pages with it, so both sides are counted the same way.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Bytes {
	raw: number;
	gzip: number;
}

export interface InlineScript {
	/** The theme bootstrap (`<script data-theme-bootstrap>`), which has a budget of its own. */
	theme: boolean;
	text: string;
}

export interface PageScripts {
	/** The HTML file, relative to the build folder. */
	page: string;
	/** Number of `<astro-island>` elements (React islands). */
	islands: number;
	/** `src` of every external script. */
	external: string[];
	/** Executable inline scripts (JSON data blocks are not scripts and are left out). */
	inline: InlineScript[];
	modulePreloads: string[];
}

export interface PageWeight {
	html: Bytes;
	islands: number;
	js: {
		/** External files loaded up front, with their static imports. */
		files: string[];
		external: Bytes;
		inline: Bytes;
		/** External and inline together. */
		total: Bytes;
	};
	css: { files: string[]; external: Bytes; inline: Bytes; total: Bytes };
}

/** Every HTML file of a build, except Pagefind's own folder. */
export function htmlFiles(dir: string): string[] {
	return readdirSync(dir)
		.sort()
		.flatMap((name) => {
			const full = join(dir, name);
			if (statSync(full).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(full);
			return name.endsWith('.html') ? [full] : [];
		});
}

export function bytesOf(texts: readonly (string | Buffer)[]): Bytes {
	return texts.reduce<Bytes>(
		(sum, t) => ({
			raw: sum.raw + (typeof t === 'string' ? Buffer.byteLength(t) : t.length),
			gzip: sum.gzip + gzipSync(t).length,
		}),
		{ raw: 0, gzip: 0 },
	);
}

export function scriptsOf(dist: string, file: string): PageScripts {
	const html = readFileSync(file, 'utf8');
	const external: string[] = [];
	const inline: InlineScript[] = [];
	for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
		const attrs = m[1] ?? '';
		const body = m[2] ?? '';
		const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
		if (src) external.push(src);
		else if (!/type="application\/(ld\+)?json"/.test(attrs)) {
			inline.push({ theme: attrs.includes('data-theme-bootstrap'), text: body });
		}
	}
	const modulePreloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]*href="([^"]+)"/g)].map(
		(m) => m[1] ?? '',
	);
	return {
		page: relative(dist, file),
		islands: (html.match(/<astro-island\b/g) ?? []).length,
		external,
		inline,
		modulePreloads,
	};
}

/** The file a site URL (absolute, under `base`) refers to in the build folder. */
function fileOf(dist: string, base: string, url: string): string {
	const path = url.split(/[?#]/)[0] ?? url;
	return join(dist, path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, ''));
}

/** Static imports (`import "x"`, `from "x"`) of a script; `import("x")` is dynamic and left out. */
const STATIC_IMPORT = /(?:\bimport|\bfrom)\s*["']([^"']+\.js)["']/g;

/**
 * Every JavaScript file a page loads before anyone interacts: external scripts, module preloads,
 * island components and renderers, and their static imports, transitively.
 */
export function jsClosure(dist: string, base: string, html: string): string[] {
	const seen = new Set<string>();
	const start = [
		...[...html.matchAll(/(?:component-url|renderer-url|src|before-hydration-url)="([^"]+\.js)"/g)].map(
			(m) => m[1] as string,
		),
		...[...html.matchAll(/<link[^>]+rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] as string),
	];
	// Inline module scripts may import files too.
	for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
		for (const i of (m[1] ?? '').matchAll(STATIC_IMPORT)) start.push(i[1] as string);
	}
	const queue = start.map((u) => (u.startsWith('/') ? u : posix.join(base, u)));
	while (queue.length) {
		const url = queue.pop() as string;
		const file = fileOf(dist, base, url);
		if (seen.has(file) || !existsSync(file)) continue;
		seen.add(file);
		for (const m of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
			const spec = m[1] as string;
			queue.push(spec.startsWith('/') ? spec : posix.join(posix.dirname(url), spec));
		}
	}
	return [...seen].sort();
}

/** Stylesheets linked by a page, as files in the build folder. */
export function cssFiles(dist: string, base: string, html: string): string[] {
	const hrefs = [...html.matchAll(/<link\b[^>]*>/g)]
		.map((m) => m[0])
		.filter((tag) => /\brel="stylesheet"/.test(tag))
		.map((tag) => /\bhref="([^"]+)"/.exec(tag)?.[1])
		.filter((h): h is string => h !== undefined);
	return [...new Set(hrefs.map((h) => fileOf(dist, base, h)))].filter((f) => existsSync(f)).sort();
}

/** Weight of one built page. `file` is the HTML file; `base` the site's base path ("/" or "/training/"). */
export function pageWeight(dist: string, base: string, file: string): PageWeight {
	const html = readFileSync(file, 'utf8');
	const scripts = scriptsOf(dist, file);
	const js = jsClosure(dist, base, html);
	const jsExternal = bytesOf(js.map((f) => readFileSync(f)));
	const jsInline = bytesOf(scripts.inline.map((s) => s.text));
	const css = cssFiles(dist, base, html);
	const cssExternal = bytesOf(css.map((f) => readFileSync(f)));
	const cssInline = bytesOf([...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? ''));
	const sum = (a: Bytes, b: Bytes): Bytes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
	return {
		html: bytesOf([html]),
		islands: scripts.islands,
		js: {
			files: js.map((f) => relative(dist, f)),
			external: jsExternal,
			inline: jsInline,
			total: sum(jsExternal, jsInline),
		},
		css: {
			files: css.map((f) => relative(dist, f)),
			external: cssExternal,
			inline: cssInline,
			total: sum(cssExternal, cssInline),
		},
	};
}
