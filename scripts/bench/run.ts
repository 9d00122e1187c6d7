/**
 * `npm run bench`: build time, page weight, Lighthouse and search latency, with Astro Starlight
 * building the same synthetic corpus as a peer. Writes bench/results/latest.md and latest.json.
 * Slow (18-21 minutes on 2 cores) and timing-based, so it is not part of `npm test`; the
 * deterministic byte budgets are (tests/e2e/weight.spec.ts, tests/search/finder.test.ts).
 *
 * Flags:
 *   --quick            one run, the 100-module corpus only, no Starlight
 *   --sizes=100,500    corpus sizes in modules (default 100,500,2000)
 *   --runs=N           runs per build and per Lighthouse page (default 3); medians are reported
 *   --seed=N           corpus seed (default 1)
 *   --no-starlight --no-lighthouse --no-search --no-labs   leave a part out
 *   --only=builds      only the build timings (with Starlight unless --no-starlight), e.g.
 *                      `npm run bench -- --only=builds --sizes=100,500,2000 --runs=3`
 *   --no-real          with --only=builds: skip the real site's build (only the corpora and their peer)
 *   --labs-only        only the lab run latency, on the existing build in dist/ (run `npm run build` first)
 *   --search-only      only search latency: one build of the largest --sizes corpus (e.g. --sizes=2000),
 *                      --runs sessions (at least 3); writes bench/results/search-latest.json
 *   --keep             keep the temporary project copies (their paths are printed)
 *   --render           only rewrite latest.md from latest.json (after changing the report's layout)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { PROJECT_ROOT, removeDir } from '../lib/temp-project.ts';
import {
	type BuildResult,
	buildOnce,
	corpusProject,
	folderSize,
	principleList,
	realProject,
} from './builds.ts';
import { corpusLessons, searchQueries } from './corpus.ts';
import { measureLabs } from './lab-latency.ts';
import { type LighthouseRun, lighthouseOnce } from './lighthouse.ts';
import { loadNow, machine } from './machine.ts';
import { htmlFileOf, PAGE_TYPES } from './page-types.ts';
import { pageWeight } from './page-weight.ts';
import { medianPhases } from './phases.ts';
import { startPreview } from './preview.ts';
import { type BenchReport, type BuildRow, median, renderReport } from './report.ts';
import { measureSearch } from './search-latency.ts';
import { installStarlight, STARLIGHT_VERSION, starlightProject } from './starlight.ts';

const { values: flags } = parseArgs({
	options: {
		quick: { type: 'boolean', default: false },
		sizes: { type: 'string' },
		runs: { type: 'string' },
		seed: { type: 'string', default: '1' },
		starlight: { type: 'boolean', default: true },
		lighthouse: { type: 'boolean', default: true },
		search: { type: 'boolean', default: true },
		labs: { type: 'boolean', default: true },
		'labs-only': { type: 'boolean', default: false },
		only: { type: 'string' },
		real: { type: 'boolean', default: true },
		'search-only': { type: 'boolean', default: false },
		keep: { type: 'boolean', default: false },
		render: { type: 'boolean', default: false },
	},
	allowNegative: true,
	strict: true,
});

const sizes = (flags.sizes ?? (flags.quick ? '100' : '100,500,2000'))
	.split(',')
	.map((s) => Number.parseInt(s, 10))
	.filter((n) => Number.isInteger(n) && n > 0)
	.sort((a, b) => a - b);
const runs = Math.max(1, Number.parseInt(flags.runs ?? (flags.quick ? '1' : '3'), 10) || 1);
const seed = Number.parseInt(flags.seed, 10) || 1;
const withStarlight = flags.starlight && !flags.quick;
if (flags.only !== undefined) {
	if (flags.only !== 'builds') throw new Error(`--only takes "builds" (got "${flags.only}")`);
	flags.lighthouse = false;
	flags.search = false;
	flags.labs = false;
}
if (!flags.real && flags.only !== 'builds') throw new Error('--no-real only goes with --only=builds');
if (sizes.length === 0) throw new Error('--sizes needs at least one positive number, e.g. --sizes=100,500');

const started = Date.now();
const log = (line: string) =>
	console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

const report: BenchReport = {
	startedAt: new Date(started).toISOString(),
	minutes: 0,
	options: {
		sizes,
		runs,
		seed,
		starlight: withStarlight,
		lighthouse: flags.lighthouse,
		search: flags.search,
		labs: flags.labs,
	},
	machine: machine(),
	builds: [],
	pageTypes: [],
	errors: [],
};
const dirs: string[] = [];
const cpu = (b: BuildResult) => (b.cpuMs === undefined ? '' : `, CPU ${(b.cpuMs / 1000).toFixed(1)} s`);

/** The finder's files in all (`search/finder/`: head.json and its shards, each gzipped on its own). */
function finderOf(dist: string, modules: number | null): BuildRow['finder'] {
	const dir = join(dist, 'search/finder');
	if (!existsSync(dir)) return undefined;
	let bytes = 0;
	let gzip = 0;
	for (const f of readdirSync(dir)) {
		const text = readFileSync(join(dir, f));
		bytes += text.length;
		gzip += gzipSync(text).length;
	}
	return { bytes, gzip, perModuleGzip: modules ? gzip / modules : null };
}

function row(label: string, modules: number | null, results: BuildResult[], dist: string): BuildRow {
	const last = results[results.length - 1] as BuildResult;
	const medianMs = median(results.map((r) => r.ms));
	const finder = finderOf(dist, modules);
	return {
		label,
		modules,
		runsMs: results.map((r) => Math.round(r.ms)),
		medianMs: Math.round(medianMs),
		...(results.every((r) => r.cpuMs !== undefined)
			? { cpuMs: Math.round(median(results.map((r) => r.cpuMs as number))) }
			: {}),
		pages: last.pages,
		pagesPerSecond: Math.round((last.pages / (medianMs / 1000)) * 10) / 10,
		outBytes: last.outBytes,
		outFiles: last.outFiles,
		pagefindBytes: last.pagefindBytes,
		phases: medianPhases(
			results.map((r) => r.phases),
			median,
		),
		...(finder ? { finder } : {}),
	};
}

async function main() {
	const m = report.machine;
	log(
		`${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.chromium}; load ${m.loadStart.toFixed(2)}`,
	);
	log(`sizes ${sizes.join(', ')}; ${runs} run(s); Starlight ${withStarlight ? 'yes' : 'no'}`);

	// Projects: the real site and one copy per corpus size, generated once.
	const principles = principleList();
	const real = realProject();
	dirs.push(real);
	const ours = sizes.map((n) => {
		log(`generating ${n} modules with quizzes`);
		const dir = corpusProject(n, seed);
		dirs.push(dir);
		return { n, dir, results: [] as BuildResult[] };
	});
	let peers: { n: number; dir: string; results: BuildResult[] }[] = [];
	let starlightRoot = '';
	if (withStarlight) {
		try {
			starlightRoot = installStarlight(log);
			peers = sizes.map((n) => {
				const dir = starlightProject(starlightRoot, { modules: n, seed, principles });
				dirs.push(dir);
				return { n, dir, results: [] as BuildResult[] };
			});
		} catch (e) {
			report.starlightError = (e as Error).message;
			log(`STARLIGHT PEER MISSING: ${report.starlightError}`);
		}
	}

	// Builds, interleaved (ours, then Starlight's, size by size, run by run) so that other load
	// on the machine falls on both alike.
	const realResults: BuildResult[] = [];
	for (let r = 1; r <= runs; r++) {
		if (flags.real) {
			const one = await buildOnce(real);
			realResults.push(one);
			log(`run ${r}/${runs}: real site ${(one.ms / 1000).toFixed(1)} s (${one.pages} pages)`);
		}
		for (const [k, o] of ours.entries()) {
			const a = await buildOnce(o.dir);
			o.results.push(a);
			const peer = peers[k];
			let b: BuildResult | undefined;
			if (peer) {
				try {
					b = await buildOnce(peer.dir, { config: 'astro.config.mjs', astroRoot: starlightRoot });
					peer.results.push(b);
				} catch (e) {
					report.starlightError = `Starlight's build of ${peer.n} modules failed: ${(e as Error).message}`;
					log(`STARLIGHT PEER MISSING: ${report.starlightError}`);
					peers = [];
				}
			}
			log(
				`run ${r}/${runs}: ${o.n} modules ${(a.ms / 1000).toFixed(1)} s (${a.pages} pages${cpu(a)})${b ? `; Starlight ${(b.ms / 1000).toFixed(1)} s (${b.pages} pages${cpu(b)})` : ''}`,
			);
		}
	}
	const realDist = join(real, 'dist');
	if (realResults.length) report.builds.push(row('Real site', null, realResults, realDist));
	const lessons = corpusLessons({ modules: 1, seed, principles })[0] as { id: string; track: string };
	for (const o of ours) {
		const dist = join(o.dir, 'dist');
		const path = `modules/${lessons.id}/index.html`;
		report.builds.push({
			...row(`${o.n} modules`, o.n, o.results, dist),
			contentPage: { path, weight: pageWeight(dist, '/', join(dist, path)) },
		});
	}
	if (withStarlight && peers.length === sizes.length) {
		const builds = peers.map((p) => {
			const dist = join(p.dir, 'dist');
			const path = `${lessons.track}/${lessons.id}/index.html`;
			return {
				...row(`${p.n} modules`, p.n, p.results, dist),
				contentPage: { path, weight: pageWeight(dist, '/', join(dist, path)) },
			};
		});
		const oursRows = report.builds.filter((b) => b.modules !== null);
		report.starlight = {
			version: STARLIGHT_VERSION,
			astro: JSON.parse(readFileSync(join(starlightRoot, 'node_modules/astro/package.json'), 'utf8')).version,
			builds,
			ratios: builds.map((t, i) => {
				const o = oursRows[i] as BuildRow;
				const ow = o.contentPage?.weight;
				const tw = t.contentPage?.weight;
				return {
					modules: t.modules ?? 0,
					buildTime: o.medianMs / t.medianMs,
					jsPerContentPage: ow && tw ? ow.js.total.gzip / tw.js.total.gzip : Number.NaN,
					htmlPerContentPage: ow && tw ? ow.html.gzip / tw.html.gzip : Number.NaN,
				};
			}),
		};
	}
	const g = growth(report.builds.filter((b) => b.modules !== null));
	if (g) report.growth = g;
	if (report.starlight) {
		const sg = growth(report.starlight.builds);
		if (sg) report.starlight.growth = sg;
	}
	// Asked for but missing: an error (exit code 1), and a loud line in the report.
	if (withStarlight && !report.starlight)
		report.errors.push(`STARLIGHT PEER MISSING: ${report.starlightError ?? 'unknown reason'}`);

	// Weight of each page type, on the real site's build.
	for (const type of PAGE_TYPES) {
		const file = htmlFileOf(type);
		const full = join(realDist, file);
		if (!existsSync(full)) {
			report.pageTypes.push({ type, file });
			continue;
		}
		const weight = pageWeight(realDist, '/', full);
		report.pageTypes.push({
			type,
			file,
			weight,
			withinBudget: {
				js: weight.js.external.gzip <= type.jsGzip,
				css: weight.css.total.gzip <= type.cssGzip,
			},
		});
	}

	if (flags.lighthouse) {
		log('Lighthouse on the real site (astro preview)');
		const preview = await startPreview(real);
		try {
			for (const row of report.pageTypes.filter((p) => p.weight)) {
				const results: LighthouseRun[] = [];
				try {
					for (let r = 0; r < runs; r++) results.push(lighthouseOnce(`${preview.url}${row.type.path}`));
				} catch (e) {
					row.lighthouseError = (e as Error).message;
					report.errors.push(row.lighthouseError);
				}
				if (results.length === 0) continue;
				const cats = Object.keys(results[0]?.scores ?? {});
				const metric = (k: keyof LighthouseRun['metrics']) => median(results.map((x) => x.metrics[k]));
				row.lighthouse = {
					runs: results,
					scores: Object.fromEntries(
						cats.map((c) => {
							const xs = results.map((x) => x.scores[c]).filter((v): v is number => typeof v === 'number');
							return [c, xs.length ? median(xs) : null];
						}),
					),
					metrics: {
						fcp: metric('fcp'),
						lcp: metric('lcp'),
						tbt: metric('tbt'),
						cls: metric('cls'),
						si: metric('si'),
					},
				};
				log(`Lighthouse ${row.type.name}: ${JSON.stringify(row.lighthouse.scores)}`);
			}
		} finally {
			await preview.stop();
		}
	}

	if (flags.search) {
		const largest = ours[ours.length - 1] as (typeof ours)[number];
		await searchLatency(largest.n, largest.dir);
	}

	if (flags.labs) await labLatency(real, 'bench.config.mjs');
}

/** Search latency on a built corpus project (`dir`, with `dist/`) of `modules` modules. */
async function searchLatency(modules: number, dir: string) {
	log(`search latency on the ${modules}-module corpus`);
	try {
		const preview = await startPreview(dir);
		try {
			const dist = join(dir, 'dist');
			const latency = await measureSearch(dist, preview.url, searchQueries({ modules }), Math.max(3, runs));
			const b = report.builds.find((x) => x.modules === modules);
			report.search = {
				modules,
				latency,
				pagefindBytes: b?.pagefindBytes ?? 0,
				pagefindFiles: folderSize(join(dist, 'pagefind')).files,
				finderBytes: b?.finder?.bytes ?? 0,
				finderGzip: b?.finder?.gzip ?? 0,
			};
		} finally {
			await preview.stop();
		}
	} catch (e) {
		report.searchError = (e as Error).message;
		report.errors.push(report.searchError);
	}
}

/** `--search-only`: one build of the largest corpus, then its search latency. */
async function searchOnly() {
	const n = sizes[sizes.length - 1] as number;
	log(`generating ${n} modules with quizzes`);
	const dir = corpusProject(n, seed);
	dirs.push(dir);
	const one = await buildOnce(dir);
	log(`${n} modules built in ${(one.ms / 1000).toFixed(1)} s (${one.pages} pages)`);
	report.builds.push(row(`${n} modules`, n, [one], join(dir, 'dist')));
	await searchLatency(n, dir);
}

/** Lab run latency (first run with engine start, and warm runs) on a built project. */
async function labLatency(dir: string, config: string) {
	log('lab run latency (first run includes the sandbox engine start)');
	try {
		const preview = await startPreview(dir, config);
		try {
			report.labs = await measureLabs(preview.url, Math.max(3, runs));
			log(
				`labs: first run ${Math.round(median(report.labs.firstRunMs))} ms, warm ${Math.round(median(report.labs.warmRunMs))} ms (medians)`,
			);
		} finally {
			await preview.stop();
		}
	} catch (e) {
		report.labsError = (e as Error).message;
		report.errors.push(report.labsError);
	}
}

/** Least-squares line through (modules, median ms), and the slope between neighbouring sizes. */
function growth(rows: BuildRow[]): BenchReport['growth'] {
	const pts = rows.map((r) => ({ n: r.modules ?? 0, t: r.medianMs }));
	if (pts.length < 2) return undefined;
	const mn = pts.reduce((s, p) => s + p.n, 0) / pts.length;
	const mt = pts.reduce((s, p) => s + p.t, 0) / pts.length;
	const slope =
		pts.reduce((s, p) => s + (p.n - mn) * (p.t - mt), 0) / pts.reduce((s, p) => s + (p.n - mn) ** 2, 0);
	return {
		interceptMs: Math.round(mt - slope * mn),
		msPerModule: Math.round(slope * 10) / 10,
		segments: pts.slice(1).map((p, i) => {
			const q = pts[i] as { n: number; t: number };
			return { from: q.n, to: p.n, msPerModule: Math.round(((p.t - q.t) / (p.n - q.n)) * 10) / 10 };
		}),
	};
}

const RESULTS = join(PROJECT_ROOT, 'bench/results');

if (flags.render) {
	const saved = JSON.parse(readFileSync(join(RESULTS, 'latest.json'), 'utf8')) as BenchReport;
	writeFileSync(join(RESULTS, 'latest.md'), renderReport(saved));
	console.log('bench/results/latest.md rewritten from latest.json');
	process.exit(0);
}

try {
	if (flags['labs-only']) {
		if (!existsSync(join(PROJECT_ROOT, 'dist/labs/index.html')))
			throw new Error('--labs-only needs a build: run npm run build first');
		await labLatency(PROJECT_ROOT, 'astro.config.mjs');
	} else if (flags['search-only']) await searchOnly();
	else await main();
} catch (e) {
	report.errors.push((e as Error).stack ?? String(e));
	console.error(e);
} finally {
	report.machine.loadEnd = loadNow();
	report.minutes = Math.round(((Date.now() - started) / 60_000) * 10) / 10;
	mkdirSync(RESULTS, { recursive: true });
	if (flags['labs-only']) {
		// Leaves the full report (latest.*) alone.
		writeFileSync(
			join(RESULTS, 'labs-latest.json'),
			`${JSON.stringify({ machine: report.machine, labs: report.labs, errors: report.errors }, null, '\t')}\n`,
		);
		const md = renderReport(report);
		console.log(md.slice(md.indexOf('## Labs'), md.indexOf('## Goals')));
		log('report: bench/results/labs-latest.json');
	} else if (flags['search-only']) {
		// Leaves the full report (latest.*) alone.
		writeFileSync(
			join(RESULTS, 'search-latest.json'),
			`${JSON.stringify({ machine: report.machine, builds: report.builds, search: report.search, errors: report.errors }, null, '\t')}\n`,
		);
		const md = renderReport(report);
		console.log(md.slice(md.indexOf('## Search'), md.indexOf('## Labs')));
		log('report: bench/results/search-latest.json');
	} else {
		writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(report, null, '\t')}\n`);
		writeFileSync(join(RESULTS, 'latest.md'), renderReport(report));
		log(`report: bench/results/latest.md and latest.json (${report.minutes} min)`);
	}
	if (flags.keep) log(`kept: ${dirs.join(' ')}`);
	else for (const d of dirs) removeDir(d);
	if (report.errors.length) process.exitCode = 1;
}
