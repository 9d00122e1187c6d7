/**
 * `npm run package:lms`: builds the site (or reuses dist/ with --reuse-dist) and writes LMS
 * packages beside it, in dist-lms/: SCORM 1.2, SCORM 2004 4th edition and cmi5, one per module,
 * per learning path and for the whole course. Each zip has its manifest at the root, the pages of
 * its modules, the site's scripts and styles, and `lms-package.json` (the scope, read by the
 * runtime in src/islands/adapters/lms/). Prints what it wrote with sizes, and the time taken.
 *
 * The LMS runtime (src/islands/adapters/lms/runtime.ts) is bundled here with esbuild into lms/.
 *
 * Pages inside a package are served from the LMS's own address, under a path we cannot know, so
 * root-relative links (`/_astro/…`, `/modules/…`) are rewritten to relative ones; links to pages
 * that are not in the package point at the public site (`site.url`).
 *
 * Flags:
 *   --formats=scorm12,scorm2004,cmi5   which formats (default: all three)
 *   --scope=module,path,course         which kinds of package (default: all three)
 *   --only=<id>[,<id>…]                only these module or path ids (and "course")
 *   --reuse-dist                       do not build; package the existing dist/
 *   --out=<folder>                     output folder (default: dist-lms)
 *   --check                            validate every manifest against the published XSDs
 *   --lrs-origin=<https://…>           cmi5 only: the origin of the LMS's xAPI endpoint, when it
 *                                      differs from where the LMS serves the package; added to
 *                                      the pages' connect-src (default: same origin only)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { build as esbuild } from 'esbuild';
import { zipSync } from 'fflate';
import { cmi5Manifest, scorm12Manifest, scorm2004Manifest } from '../src/core/lms/manifest.ts';
import {
	FORMAT_LABELS,
	LMS_FORMATS,
	type LmsFormat,
	launchFile,
	PACKAGE_DATA_FILE,
	type PackageScope,
	packageFileName,
	planScopes,
	type ScopeKind,
} from '../src/core/lms/scope.ts';
import { loadContent } from '../src/lib/content-files.ts';
import { loadSiteConfig } from '../src/lib/site-config.ts';
import { schemaFiles, validateManifest } from './lib/lms-xsd.ts';

const started = performance.now();
const root = new URL('..', import.meta.url).pathname;

function fail(message: string): never {
	console.error(`package:lms: ${message}`);
	process.exit(1);
}

const { values: flags } = parseArgs({
	options: {
		formats: { type: 'string', default: LMS_FORMATS.join(',') },
		scope: { type: 'string', default: 'module,path,course' },
		only: { type: 'string' },
		'reuse-dist': { type: 'boolean', default: false },
		out: { type: 'string', default: 'dist-lms' },
		check: { type: 'boolean', default: false },
		'lrs-origin': { type: 'string', multiple: true, default: [] },
	},
	strict: true,
});

const formats = (flags.formats ?? '').split(',').filter(Boolean) as LmsFormat[];
for (const f of formats) {
	if (!LMS_FORMATS.includes(f)) fail(`--formats: "${f}" is not one of ${LMS_FORMATS.join(', ')}`);
}
const kinds = (flags.scope ?? '').split(',').filter(Boolean) as ScopeKind[];
for (const k of kinds) {
	if (!['module', 'path', 'course'].includes(k)) fail(`--scope: "${k}" is not one of module, path, course`);
}
const only = flags.only ? new Set(flags.only.split(',')) : undefined;
const lrsOrigins = (flags['lrs-origin'] ?? []).map((o) => {
	if (
		!URL.canParse(o) ||
		new URL(o).origin !== o.replace(/\/$/, '') ||
		!/^https?:$/.test(new URL(o).protocol)
	) {
		fail(`--lrs-origin: "${o}" is not an origin such as https://lms.example.org (scheme and host, no path)`);
	}
	return new URL(o).origin;
});

const config = loadSiteConfig();
const dist = join(root, process.env.ACADEMY_OUT_DIR ?? 'dist');
const out = join(root, flags.out ?? 'dist-lms');

if (!flags['reuse-dist']) {
	console.log('Building the site (npm run build)…');
	const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
	if (r.status !== 0) fail('the build failed (see above); nothing was packaged');
}
if (!existsSync(join(dist, 'modules'))) {
	fail(`${relative(root, dist)}/ has no built site; run without --reuse-dist, or run npm run build first`);
}

const { catalog, problems } = loadContent(root);
if (problems.length > 0) fail(`the content has ${problems.length} problem(s); run npm run validate`);
const siteName = config.site.name;
let scopes = planScopes({
	modules: catalog.modules.map((m) => m.data),
	quizzes: catalog.quizzes.map((q) => q.data),
	paths: (catalog.paths ?? []).map((p) => p.data),
	tracks: config.tracks,
	courseTitle: siteName,
	courseDescription: `Every module of ${siteName}: AI security training on the UK Code of Practice for the Cyber Security of AI, the NCSC/CISA guidelines, AI secure coding and ML technical debt.`,
}).filter((s) => kinds.includes(s.kind));
if (only) scopes = scopes.filter((s) => only.has(s.id));
if (scopes.length === 0) fail('no package matches --scope and --only');

// Files packages draw on: the site's scripts, styles and fonts (each package carries the ones its pages
// load, see reachableAssets), and the icon.
function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		return statSync(full).isDirectory() ? walk(full) : [full];
	});
}
const base = config.site.basePath; // e.g. "/" or "/training/"
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const shared = new Map<string, Uint8Array>();
for (const file of walk(join(dist, '_astro'))) shared.set(relative(dist, file), readFileSync(file));
// Vite's preload helper (used by every dynamic import) turns "_astro/x.js" into a root-relative
// URL: "<base>" + dep. Package pages all sit at modules/<id>/index.html, so "../../" + dep instead.
const PRELOAD = new RegExp(`function\\((\\w)\\)\\{return\`${escapeRe(base)}\`\\+\\1\\}`);
let preloadPatched = 0;
for (const [name, bytes] of shared) {
	if (!/^_astro\/preload-helper[^/]*\.js$/.test(name)) continue;
	const text = new TextDecoder().decode(bytes);
	if (!PRELOAD.test(text)) continue;
	shared.set(
		name,
		new TextEncoder().encode(
			text.replace(PRELOAD, (_m, v: string) => `function(${v}){return\`../../\`+${v}}`),
		),
	);
	preloadPatched++;
}
if (preloadPatched !== 1) {
	fail(
		`expected one Vite preload helper in ${relative(root, dist)}/_astro/ to make relative, found ${preloadPatched}. A Vite upgrade may have changed it: update PRELOAD in scripts/package-lms.ts.`,
	);
}
if (existsSync(join(dist, 'favicon.svg'))) shared.set('favicon.svg', readFileSync(join(dist, 'favicon.svg')));

// The LMS runtime, bundled once and shipped in every package as lms/ (never in the site's build,
// so module pages carry only the small detector in src/islands/adapters/lms/detect.ts).
const runtimeBundle = await esbuild({
	entryPoints: [join(root, 'src/islands/adapters/lms/runtime.ts')],
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'browser',
	target: 'es2022',
	minify: true,
	outdir: join(root, 'lms-bundle'),
	entryNames: '[name]',
	chunkNames: '[name]-[hash]',
	write: false,
	logLevel: 'silent',
	legalComments: 'none',
}).catch((e: Error) => fail(`bundling the LMS runtime failed: ${e.message}`));
for (const f of runtimeBundle.outputFiles)
	shared.set(`lms/${relative(join(root, 'lms-bundle'), f.path)}`, f.contents);
shared.set('lms/runtime.css', readFileSync(join(root, 'src/islands/adapters/lms/lms.css')));

const ATTR = new RegExp(
	`(\\s(?:href|src|action|component-url|renderer-url|data-base)=")${escapeRe(base)}([^"]*)"`,
	'g',
);

/** Rewrites one module page for a package whose pages all sit at modules/<id>/index.html. */
function rewritePage(html: string, inPackage: ReadonlySet<string>, format: LmsFormat): string {
	let page = html.replace(ATTR, (_all, attr: string, rest: string) => {
		const [path = '', hash] = rest.split('#');
		const frag = hash === undefined ? '' : `#${hash}`;
		if (path === '' && attr.includes('data-base')) return `${attr}../../"`;
		if (path.startsWith('_astro/') || path === 'favicon.svg') return `${attr}../../${path}${frag}"`;
		const mod = /^modules\/([a-z0-9-]+)\/?$/.exec(path);
		if (mod?.[1] && inPackage.has(mod[1])) return `${attr}../../${launchFile(mod[1])}${frag}"`;
		if (path === '' && frag) return `${attr}${frag}"`;
		// Not in the package: the public site.
		return `${attr}${config.site.url}${base}${path}${frag}"`;
	});
	if (format === 'cmi5' && lrsOrigins.length > 0) {
		page = page.replace(/connect-src 'self'/, `connect-src 'self' ${lrsOrigins.join(' ')}`);
	}
	return page;
}

/**
 * The files of _astro/ that the package's pages can load: those the pages name, then those named
 * by what they load (static and dynamic imports, the preload map, a worker, its WebAssembly,
 * fonts in CSS), and so on. Matching file names in the text over-includes rather than misses:
 * Vite names every asset with a content hash, so a name cannot appear by chance. Lab pages and
 * certificate pages are not in packages, so their runtime stays out of them.
 */
const ASSET_NAMES = [...shared.keys()].filter((n) => n.startsWith('_astro/'));
const ASSET_MENTION = new RegExp(ASSET_NAMES.map((n) => escapeRe(n.slice('_astro/'.length))).join('|'), 'g');
const reachableCache = new Map<string, string[]>();
function mentionedAssets(text: string): string[] {
	return [...new Set(text.match(ASSET_MENTION) ?? [])].map((n) => `_astro/${n}`);
}
function reachableAssets(pages: readonly string[]): Set<string> {
	const seen = new Set<string>();
	const queue = pages.flatMap(mentionedAssets);
	while (queue.length > 0) {
		const name = queue.pop() as string;
		if (seen.has(name)) continue;
		seen.add(name);
		if (!/\.(js|css|mjs)$/.test(name)) continue;
		let next = reachableCache.get(name);
		if (!next) {
			next = mentionedAssets(new TextDecoder().decode(shared.get(name)));
			reachableCache.set(name, next);
		}
		queue.push(...next);
	}
	return seen;
}

function buildPackage(
	format: LmsFormat,
	scope: PackageScope,
): { files: Record<string, Uint8Array>; manifest: string } {
	const enc = new TextEncoder();
	const files: Record<string, Uint8Array> = Object.fromEntries(
		[...shared].filter(([name]) => !name.startsWith('_astro/')),
	);
	const ids = new Set(scope.modules.map((m) => m.id));
	const pages: string[] = [];
	for (const m of scope.modules) {
		const src = join(dist, 'modules', m.id, 'index.html');
		if (!existsSync(src))
			fail(`${relative(root, src)} is missing: the build and the content disagree; rebuild`);
		const page = rewritePage(readFileSync(src, 'utf8'), ids, format);
		pages.push(page);
		files[launchFile(m.id)] = enc.encode(page);
	}
	for (const name of reachableAssets(pages)) files[name] = shared.get(name) as Uint8Array;
	files[PACKAGE_DATA_FILE] = enc.encode(
		`${JSON.stringify({ format, siteUrl: config.site.url, contentVersion: contentVersion(), scope }, null, '\t')}\n`,
	);
	const listed = Object.keys(files).sort();
	let manifest: string;
	if (format === 'cmi5') {
		manifest = cmi5Manifest(scope, { siteUrl: config.site.url });
		files['cmi5.xml'] = enc.encode(manifest);
	} else {
		manifest = (format === 'scorm12' ? scorm12Manifest : scorm2004Manifest)(scope, {
			siteUrl: config.site.url,
			files: listed,
		});
		files['imsmanifest.xml'] = enc.encode(manifest);
		for (const x of schemaFiles(format)) files[x.fileName] = enc.encode(x.contents);
	}
	return { files, manifest };
}

function contentVersion(): string {
	const m = /contentVersion:\s*'([^']+)'/.exec(readFileSync(join(root, 'src/site.ts'), 'utf8'));
	return m?.[1] ?? 'unknown';
}

const kb = (n: number) => `${(n / 1024).toFixed(0).padStart(6)} KB`;
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const written: { file: string; bytes: number; format: LmsFormat; kind: ScopeKind }[] = [];
let invalid = 0;
for (const format of formats) {
	for (const scope of scopes) {
		const { files, manifest } = buildPackage(format, scope);
		if (flags.check) {
			const r = await validateManifest(format, manifest, `${scope.kind}-${scope.id}`);
			if (!r.valid) {
				invalid++;
				console.error(`INVALID ${format} ${scope.kind} ${scope.id}:\n  ${r.errors.join('\n  ')}`);
			}
		}
		// Level 6: text compresses well; the fonts and images are already compressed.
		const zip = zipSync(files, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') });
		const name = packageFileName(format, scope);
		writeFileSync(join(out, name), zip);
		written.push({ file: name, bytes: zip.byteLength, format, kind: scope.kind });
	}
}

for (const w of written) console.log(`${kb(w.bytes)}  ${relative(root, out)}/${w.file}`);
console.log('');
for (const f of formats) {
	const mine = written.filter((w) => w.format === f);
	const sum = mine.reduce((a, w) => a + w.bytes, 0);
	console.log(`${FORMAT_LABELS[f]}: ${mine.length} package(s), ${kb(sum).trim()} in all`);
}
if (formats.includes('cmi5') && lrsOrigins.length === 0) {
	console.log(
		"Note: cmi5 pages may only reach their own origin (connect-src 'self'). If your LMS's xAPI endpoint is on another origin, add --lrs-origin=<origin>.",
	);
}
if (flags.check)
	console.log(
		invalid === 0 ? 'Every manifest is valid against the published XSDs.' : `${invalid} manifest(s) INVALID.`,
	);
console.log(`Wrote ${written.length} package(s) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
if (invalid > 0) process.exit(1);
