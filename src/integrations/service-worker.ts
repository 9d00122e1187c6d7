/**
 * Writes `sw.js` after the build: a service worker that precaches every page and asset (not the
 * Pagefind index, which is cached as it is used), so that after one visit the site works offline.
 * Pages are network-first: online, learners always get the current page; offline they get the
 * saved copy, and the page says so (see the bootstrap script in ThemeSwitch.astro). A new build
 * gets a new cache version, and the page offers to reload when an update has been installed.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		return statSync(full).isDirectory() ? files(full) : [full];
	});
}

/**
 * Not precached: Pagefind (cached as used), the worker itself, the 404 page (added by hand), the
 * PDF fonts other than Latin (about 5 MB of Chinese and Korean slices few learners need: the
 * certificate page fetches the ones a learner's name needs, and the worker keeps every font it
 * fetches), and the public keys and revocation list (always fetched fresh, so a revocation is seen
 * at once). The PDF maker's code, the font list and the Latin fonts are precached, so a certificate
 * in a Latin-script name can be made offline.
 */
const SKIP = [
	/^pagefind\//,
	/^sw\.js$/,
	/^404\.html$/,
	/^fonts\/(?!manifest\.json$|noto-sans-latin-400-normal\.woff$|noto-sans-latin-ext-400-normal\.woff$)/,
	/^keys\//,
];

export function serviceWorker(): AstroIntegration {
	let base = '/';
	return {
		name: 'secure-ai-academy:service-worker',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
			},
			'astro:build:done': ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				const hash = createHash('sha256');
				const urls: string[] = [];
				for (const file of files(out).sort()) {
					const rel = relative(out, file).split(sep).join('/');
					if (SKIP.some((re) => re.test(rel))) continue;
					hash.update(rel).update(readFileSync(file));
					urls.push(base + (rel.endsWith('index.html') ? rel.slice(0, -'index.html'.length) : rel));
				}
				urls.push(`${base}404.html`);
				const version = hash.digest('hex').slice(0, 16);
				writeFileSync(
					join(out, 'sw.js'),
					SW_SOURCE.replace('__VERSION__', version)
						.replace('__BASE__', JSON.stringify(base))
						.replace('__PRECACHE__', JSON.stringify(urls)),
				);
				logger.info(`Service worker ${version}: ${urls.length} files precached for offline use.`);
			},
		},
	};
}

/** The worker's source; the placeholders are filled in at build time. */
const SW_SOURCE = `// Secure AI Academy service worker, generated at build time (src/integrations/service-worker.ts).
const VERSION = '__VERSION__';
const BASE = __BASE__;
const PRECACHE = __PRECACHE__;
const CACHE = \`saa-\${VERSION}\`;
const RUNTIME = 'saa-runtime';

self.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((c) => c.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE && key !== RUNTIME) await caches.delete(key);
			await self.clients.claim();
		})(),
	);
});

self.addEventListener('message', (event) => {
	if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
	const req = event.request;
	const url = new URL(req.url);
	if (req.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
	if (req.mode === 'navigate') {
		// Pages: network first, so an online learner never sees an outdated page.
		event.respondWith(
			fetch(req).catch(async () => {
				const page = url.pathname.endsWith('/') ? url.pathname : \`\${url.pathname}/\`;
				return (
					(await caches.match(page, { ignoreSearch: true, ignoreVary: true })) ??
					(await caches.match(url.pathname, { ignoreSearch: true, ignoreVary: true })) ??
					(await caches.match(\`\${BASE}404.html\`)) ??
					Response.error()
				);
			}),
		);
		return;
	}
	// Assets (hashed, so never stale) and the search index: cache first, then network.
	event.respondWith(
		(async () => {
			// ignoreVary: module scripts carry an Origin header that the precache request did not.
			const hit = await caches.match(req, { ignoreVary: true, ignoreSearch: url.searchParams.has('astro-retry') });
			if (hit) return hit;
			const res = await fetch(req);
			if (res.ok && url.pathname.startsWith(\`\${BASE}pagefind/\`)) {
				const copy = res.clone();
				caches.open(RUNTIME).then((c) => c.put(req, copy));
			} else if (res.ok && url.pathname.startsWith(\`\${BASE}fonts/\`)) {
				// A font a certificate PDF needed: kept with this version, so the PDF can be made offline.
				const copy = res.clone();
				event.waitUntil(caches.open(CACHE).then((c) => c.put(req, copy)));
			}
			return res;
		})(),
	);
});
`;
