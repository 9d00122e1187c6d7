/** The benchmark's results (bench/results/latest.json) and their Markdown rendering (latest.md). */

import { QUICK_SHOWN } from '../../src/search/shown.ts';
import type { LabLatency } from './lab-latency.ts';
import type { LighthouseRun } from './lighthouse.ts';
import type { Machine } from './machine.ts';
import { FINDER_BYTES_PER_MODULE_GZIP, type PageType, THEME_BOOTSTRAP_BYTES } from './page-types.ts';
import type { Bytes, PageWeight } from './page-weight.ts';
import type { BuildPhase } from './phases.ts';
import type { SearchLatency } from './search-latency.ts';

export interface BuildRow {
	label: string;
	/** Synthetic modules, or null for the real site. */
	modules: number | null;
	runsMs: number[];
	medianMs: number;
	/** Median CPU time (user + system) of the build and its children, where measured. */
	cpuMs?: number;
	pages: number;
	pagesPerSecond: number;
	outBytes: number;
	outFiles: number;
	pagefindBytes: number;
	/** Median time of each build phase (scripts/bench/phases.ts). */
	phases?: BuildPhase[];
	/** search/finder/ (the sharded finder index: head.json and its shards), where the site has one. */
	finder?: { bytes: number; gzip: number; perModuleGzip: number | null };
	/** The first lesson page of a synthetic corpus. */
	contentPage?: { path: string; weight: PageWeight };
}

export interface PageTypeRow {
	type: PageType;
	file: string;
	weight?: PageWeight;
	withinBudget?: { js: boolean; css: boolean };
	lighthouse?: {
		runs: LighthouseRun[];
		scores: Record<string, number | null>;
		metrics: LighthouseRun['metrics'];
	};
	lighthouseError?: string;
}

/** A least-squares line through (modules, median build time), and the slopes between sizes. */
export interface Growth {
	interceptMs: number;
	msPerModule: number;
	segments: { from: number; to: number; msPerModule: number }[];
}

export interface BenchReport {
	startedAt: string;
	minutes: number;
	options: {
		sizes: number[];
		runs: number;
		seed: number;
		starlight: boolean;
		lighthouse: boolean;
		search: boolean;
		labs?: boolean;
	};
	machine: Machine;
	builds: BuildRow[];
	growth?: Growth;
	starlight?: {
		version: string;
		astro: string;
		builds: BuildRow[];
		growth?: Growth;
		ratios: { modules: number; buildTime: number; jsPerContentPage: number; htmlPerContentPage: number }[];
	};
	starlightError?: string;
	pageTypes: PageTypeRow[];
	search?: {
		modules: number;
		latency: SearchLatency;
		pagefindBytes: number;
		pagefindFiles: number;
		finderBytes: number;
		finderGzip: number;
	};
	searchError?: string;
	/** Lab run latency (scripts/bench/lab-latency.ts). */
	labs?: LabLatency;
	labsError?: string;
	errors: string[];
}

export const median = (xs: readonly number[]): number => {
	const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
	if (s.length === 0) return Number.NaN;
	const mid = s.length >> 1;
	return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

const KB = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const MB = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const msf = (ms: number) => (Number.isFinite(ms) ? `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms` : 'n/a');
const ratio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : 'n/a');
const bytes = (b: Bytes) => `${KB(b.raw)} / ${KB(b.gzip)}`;
const table = (head: string[], rows: string[][]) =>
	[
		`| ${head.join(' | ')} |`,
		`| ${head.map(() => '---').join(' | ')} |`,
		...rows.map((r) => `| ${r.join(' | ')} |`),
	].join('\n');
const p90 = (xs: readonly number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(s.length * 0.9))] ?? Number.NaN;
};

/** Audits that lost points: "id lowest-highest (in k of n runs)". */
function losing(runs: readonly LighthouseRun[]): string {
	const by = new Map<string, number[]>();
	for (const run of runs) for (const f of run.failing) by.set(f.id, [...(by.get(f.id) ?? []), f.score]);
	const out = [...by].map(([id, scores]) => {
		const lo = Math.min(...scores);
		const hi = Math.max(...scores);
		return `${id} ${lo === hi ? lo : `${lo}-${hi}`} (${scores.length}/${runs.length} runs)`;
	});
	return out.join(', ') || 'none';
}

export interface Goal {
	goal: string;
	met: 'yes' | 'no' | 'partly' | 'not measured';
	detail: string;
}

/** Judges the issue's goals against the measurements. */
export function goals(r: BenchReport): Goal[] {
	const out: Goal[] = [];
	const measured = r.pageTypes.filter((p) => p.lighthouse);
	if (measured.length === 0) {
		out.push({
			goal: 'Lighthouse 100 in every category on every page type',
			met: 'not measured',
			detail: '',
		});
	} else {
		const short = measured.flatMap((p) =>
			Object.entries(p.lighthouse?.scores ?? {})
				.filter(([, s]) => s !== 100)
				.map(([c, s]) => `${p.type.name} ${c} ${s ?? 'unscored'} (${s === null ? '?' : 100 - s} short)`),
		);
		const missing = r.pageTypes.filter((p) => !p.weight).map((p) => p.type.name);
		out.push({
			goal: 'Lighthouse 100 in every category on every page type',
			met: short.length ? 'no' : missing.length ? 'partly' : 'yes',
			detail:
				(short.length
					? `Short: ${short.join('; ')}.`
					: `All ${measured.length} measured page types score 100.`) +
				(missing.length ? ` Not built, so not measured: ${missing.join(', ')}.` : ''),
		});
	}
	if (!r.starlight) {
		out.push({
			goal: "Build time no worse than Starlight's on the same corpus",
			met: 'not measured',
			detail: starlightMissing(r) ?? 'Starlight left out (--quick or --no-starlight).',
		});
	} else {
		const worse = r.starlight.ratios.filter((x) => x.buildTime > 1);
		out.push({
			goal: "Build time no worse than Starlight's on the same corpus",
			met: worse.length === 0 ? 'yes' : worse.length === r.starlight.ratios.length ? 'no' : 'partly',
			detail: r.starlight.ratios
				.map((x) => `${x.modules} modules: ours takes ${ratio(x.buildTime)} Starlight's time`)
				.join('; '),
		});
	}
	const big = r.starlight?.ratios.find((x) => x.modules === 2000);
	out.push({
		goal: "Build time at most 0.8× Starlight's at 2,000 modules",
		met: big ? (big.buildTime <= 0.8 ? 'yes' : 'no') : 'not measured',
		detail: big ? `${ratio(big.buildTime)}` : (starlightMissing(r) ?? 'no 2,000-module run with Starlight'),
	});
	out.push({
		goal: 'Fixed build cost at most 3 s (intercept of the straight line through the corpora)',
		met: r.growth ? (r.growth.interceptMs <= 3000 ? 'yes' : 'no') : 'not measured',
		detail: r.growth
			? `${sec(r.growth.interceptMs)} fixed + ${r.growth.msPerModule} ms per module`
			: 'needs at least two corpus sizes',
	});
	const plain = r.pageTypes.filter((p) => p.weight && !p.type.islands && p.type.id !== 'search');
	const lesson = r.pageTypes.find((p) => p.type.id === 'module' && p.weight);
	const plainOk = plain.every((p) => p.weight?.js.external.raw === 0);
	const unweighed = plain.length === 0 && !lesson;
	out.push({
		goal: 'Lesson pages without JS',
		met: unweighed
			? 'not measured'
			: !plainOk
				? 'no'
				: lesson && (lesson.weight?.js.external.raw ?? 0) > 0
					? 'partly'
					: 'yes',
		detail: unweighed
			? "no page weights (the real site's build was left out)"
			: `${plain.map((p) => p.type.name).join(', ')}: ${plainOk ? 'no JavaScript file' : 'JavaScript files found'}, only the inline theme bootstrap (${KB(plain[0]?.weight?.js.inline.raw ?? 0)}, budget ${KB(THEME_BOOTSTRAP_BYTES)}).` +
				(lesson?.weight
					? ` A module page with a quiz loads ${KB(lesson.weight.js.external.gzip)} gzip of JavaScript (${lesson.weight.js.files.length} files) for its quiz island; its lesson text reads without it.`
					: ''),
	});
	const s = r.search;
	if (!s) {
		out.push({
			goal: 'First search results in under 100 ms on the 2,000-module corpus',
			met: 'not measured',
			detail: r.searchError ?? 'search left out',
		});
	} else {
		const l = s.latency;
		const figures: [string, number][] = [
			['Pagefind warm', median(l.pagefind.warmMs)],
			['Pagefind cold', median(l.pagefind.coldMs)],
			...('coldMs' in l.lunr
				? ([
						['lunr warm', median(l.lunr.warmMs)],
						['lunr cold', median(l.lunr.coldMs)],
					] as [string, number][])
				: []),
			['search page, quick results, cold', median(l.page.quickColdMs)],
			['search page, full-text results, cold', median(l.page.fullColdMs)],
			['search page, quick results, warm', median(l.page.quickWarmMs)],
			['search page, full-text results, warm', median(l.page.fullWarmMs)],
		];
		const over = figures.filter(([, v]) => !(v < 100));
		out.push({
			goal: `First search results in under 100 ms on the ${s.modules.toLocaleString('en')}-module corpus`,
			met: over.length === 0 ? 'yes' : over.length === figures.length ? 'no' : 'partly',
			detail: figures.map(([k, v]) => `${k} ${msf(v)}${v < 100 ? '' : ` (${msf(v - 100)} over)`}`).join('; '),
		});
	}
	return out;
}

/**
 * The loud line for a Starlight peer that was asked for but did not run (install or build
 * failed), or undefined when it ran or was left out on purpose (--quick, --no-starlight).
 */
export function starlightMissing(r: BenchReport): string | undefined {
	if (r.starlight) return undefined;
	if (!r.options.starlight && !r.starlightError) return undefined;
	return `STARLIGHT PEER MISSING: ${r.starlightError ?? 'no result, reason unknown'}`.replace(
		/\s*\n\s*/g,
		' ',
	);
}

/** A straight line through (modules, phase ms) for each phase timed on every corpus. */
export function phaseGrowth(
	rows: readonly BuildRow[],
): { label: string; interceptMs: number; msPerModule: number }[] {
	if (rows.length < 2) return [];
	const ids = (rows[0]?.phases ?? []).filter((p) => rows.every((b) => b.phases?.some((q) => q.id === p.id)));
	return ids.map((p) => {
		const pts = rows.map((b) => ({ n: b.modules ?? 0, t: b.phases?.find((q) => q.id === p.id)?.ms ?? 0 }));
		const mn = pts.reduce((s, x) => s + x.n, 0) / pts.length;
		const mt = pts.reduce((s, x) => s + x.t, 0) / pts.length;
		const den = pts.reduce((s, x) => s + (x.n - mn) ** 2, 0);
		const slope = den ? pts.reduce((s, x) => s + (x.n - mn) * (x.t - mt), 0) / den : 0;
		return {
			label: p.label,
			interceptMs: Math.round(mt - slope * mn),
			msPerModule: Math.round(slope * 10) / 10,
		};
	});
}

export function renderReport(r: BenchReport): string {
	const m = r.machine;
	const L: string[] = [];
	L.push('# Benchmark report', '');
	L.push(
		`Run ${r.startedAt}, took ${r.minutes} min. Corpus sizes ${r.options.sizes.join(', ')} modules (seed ${r.options.seed}), ${r.options.runs} run(s) per build and per Lighthouse page; medians shown. KB = 1024 bytes; gzip at the default level. Produced by \`npm run bench\` (scripts/bench/).`,
		'',
	);
	const missing = starlightMissing(r);
	if (missing)
		L.push(
			`> **${missing}**`,
			'> The Starlight columns below are empty, so no ratio against Starlight was measured.',
			'',
		);
	L.push('## Machine', '');
	L.push(
		table(
			['OS', 'CPU', 'Cores', 'Memory', 'Node', 'Chromium', 'Load (1 min) start → end'],
			[
				[
					m.os,
					m.cpu,
					String(m.cores),
					`${m.memoryGiB} GiB`,
					m.node,
					m.chromium,
					`${m.loadStart.toFixed(2)} → ${m.loadEnd?.toFixed(2) ?? '?'}`,
				],
			],
		),
		'',
	);

	L.push('## Build (cold, Astro + Pagefind + service worker)', '');
	L.push(
		table(
			[
				'Build',
				'HTML pages',
				'Median time',
				'Runs',
				'Pages/s',
				'Output',
				'Pagefind index',
				'Finder index (raw / gzip)',
			],
			r.builds.map((b) => [
				b.label,
				String(b.pages),
				sec(b.medianMs),
				b.runsMs.map(sec).join(', '),
				String(b.pagesPerSecond),
				`${MB(b.outBytes)} (${b.outFiles} files)`,
				MB(b.pagefindBytes),
				b.finder
					? `${KB(b.finder.bytes)} / ${KB(b.finder.gzip)}${b.finder.perModuleGzip ? ` (${Math.round(b.finder.perModuleGzip)} B gzip per module)` : ''}`
					: '',
			]),
		),
		'',
	);
	const corpora = r.builds.filter((b) => b.modules !== null && b.finder);
	const [first, last] = [corpora[0], corpora[corpora.length - 1]];
	if (first?.finder && last?.finder && last !== first) {
		const per = (last.finder.gzip - first.finder.gzip) / ((last.modules ?? 0) - (first.modules ?? 0));
		L.push(
			`The finder index grows by ${Math.round(per)} B gzip per module with its quiz (${first.modules}→${last.modules} modules); budget ${FINDER_BYTES_PER_MODULE_GZIP} B.`,
			'',
		);
	}
	if (r.growth) {
		L.push(
			`Growth: a straight line through the medians gives about ${sec(r.growth.interceptMs)} of fixed cost plus ${r.growth.msPerModule} ms per module (with its quiz). Between sizes: ${r.growth.segments.map((s) => `${s.from}→${s.to}: ${s.msPerModule} ms per module`).join('; ')}. A rising per-module cost would mean worse than linear growth.`,
			'',
		);
	}

	const timed = r.builds.filter((b) => b.phases && b.phases.length > 1);
	if (timed.length) {
		L.push('### Where the build time goes (medians)', '');
		const ids: BuildPhase[] = [];
		for (const b of timed) for (const p of b.phases ?? []) if (!ids.some((q) => q.id === p.id)) ids.push(p);
		L.push(
			table(
				['Phase', ...timed.map((b) => b.label)],
				ids.map((p) => [
					p.label,
					...timed.map((b) => {
						const ms = b.phases?.find((q) => q.id === p.id)?.ms;
						return ms === undefined ? '' : sec(ms);
					}),
				]),
			),
			'',
		);
		const fit = phaseGrowth(timed.filter((b) => b.modules !== null));
		if (fit.length) {
			L.push(
				`Per phase, a straight line through the corpora: ${fit.map((f) => `${f.label} ${sec(f.interceptMs)} + ${f.msPerModule} ms/module`).join('; ')}.`,
				'',
			);
		}
	}

	L.push('## Peer: Astro Starlight on the same corpus', '');
	if (missing) {
		const ours = r.builds.filter((b) => b.modules !== null);
		L.push(
			`**${missing}**`,
			'',
			table(
				['Modules', 'Ours: pages, time', 'Starlight: pages, time', 'Build time ours / Starlight'],
				ours.map((o) => [String(o.modules), `${o.pages}, ${sec(o.medianMs)}`, 'MISSING', 'MISSING']),
			),
			'',
		);
	} else if (r.starlight) {
		const st = r.starlight;
		const ours = r.builds.filter((b) => b.modules !== null);
		L.push(
			`@astrojs/starlight ${st.version} with astro ${st.astro}, installed for the run in a temporary folder, default settings (sidebar generated from the folders, Pagefind, Expressive Code). Starlight builds the lessons only: no quizzes, principle, glossary or dashboard pages.`,
			'',
		);
		L.push(
			table(
				[
					'Modules',
					'Ours: pages, time',
					'Starlight: pages, time',
					'Build time ours / Starlight',
					'CPU time ours / Starlight',
					'JS per content page (gzip) ours / Starlight',
					'HTML per content page (gzip) ours / Starlight',
				],
				st.ratios.map((x, i) => {
					const o = ours[i] as BuildRow;
					const t = st.builds[i] as BuildRow;
					const ow = o.contentPage?.weight;
					const tw = t.contentPage?.weight;
					return [
						String(x.modules),
						`${o.pages}, ${sec(o.medianMs)} (${o.pagesPerSecond}/s)`,
						`${t.pages}, ${sec(t.medianMs)} (${t.pagesPerSecond}/s)`,
						ratio(x.buildTime),
						o.cpuMs && t.cpuMs
							? `${sec(o.cpuMs)} / ${sec(t.cpuMs)} = ${ratio(o.cpuMs / t.cpuMs)}`
							: 'not measured',
						`${ow ? KB(ow.js.total.gzip) : '?'} / ${tw ? KB(tw.js.total.gzip) : '?'} = ${ratio(x.jsPerContentPage)}`,
						`${ow ? KB(ow.html.gzip) : '?'} / ${tw ? KB(tw.html.gzip) : '?'} = ${ratio(x.htmlPerContentPage)}`,
					];
				}),
			),
			'',
		);
		L.push(
			'Content page: the first synthetic lesson (ours with its quiz island). JS counts inline scripts and every file loaded up front with its static imports.',
			'',
		);
		if (st.growth && r.growth) {
			L.push(
				`Growth, straight line through the medians: ours ${sec(r.growth.interceptMs)} fixed + ${r.growth.msPerModule} ms per module; Starlight ${sec(st.growth.interceptMs)} fixed + ${st.growth.msPerModule} ms per module.`,
				'',
			);
		}
	} else {
		L.push(`Not run: ${r.starlightError ?? 'left out (--quick or --no-starlight)'}.`, '');
	}

	L.push('## Page weight per page type (real site)', '');
	L.push(
		table(
			[
				'Page type',
				'URL',
				'Islands',
				'JS files (raw / gzip)',
				'JS budget (gzip)',
				'Inline JS (raw / gzip)',
				'CSS (raw / gzip)',
				'CSS budget (gzip)',
				'HTML (raw / gzip)',
			],
			r.pageTypes.map((p) =>
				p.weight
					? [
							p.type.name,
							`/${p.type.path}`,
							String(p.weight.islands),
							`${bytes(p.weight.js.external)} (${p.weight.js.files.length} files)`,
							`${KB(p.type.jsGzip)} ${p.withinBudget?.js ? 'ok' : '**over**'}`,
							bytes(p.weight.js.inline),
							bytes(p.weight.css.total),
							`${KB(p.type.cssGzip)} ${p.withinBudget?.css ? 'ok' : '**over**'}`,
							bytes(p.weight.html),
						]
					: [
							p.type.name,
							`/${p.type.path}`,
							'not built',
							'',
							KB(p.type.jsGzip),
							'',
							'',
							KB(p.type.cssGzip),
							'',
						],
			),
		),
		'',
	);

	L.push('## Lighthouse (mobile preset, simulated throttling)', '');
	const withLh = r.pageTypes.filter((p) => p.lighthouse || p.lighthouseError);
	if (withLh.length === 0) L.push('Not run.', '');
	else {
		const cats = [...new Set(withLh.flatMap((p) => Object.keys(p.lighthouse?.scores ?? {})))];
		L.push(
			table(
				['Page type', ...cats, 'FCP', 'LCP', 'TBT', 'CLS', 'Speed Index', 'Audits losing points (any run)'],
				r.pageTypes.map((p) => {
					const lh = p.lighthouse;
					if (!lh)
						return [
							p.type.name,
							...cats.map(() => (p.weight ? 'error' : 'not built')),
							'',
							'',
							'',
							'',
							'',
							p.lighthouseError ?? '',
						];
					return [
						p.type.name,
						...cats.map((c) => String(lh.scores[c] ?? 'n/a')),
						msf(lh.metrics.fcp),
						msf(lh.metrics.lcp),
						msf(lh.metrics.tbt),
						lh.metrics.cls.toFixed(3),
						msf(lh.metrics.si),
						losing(lh.runs),
					];
				}),
			),
			'',
		);
		const runs = withLh.flatMap((p) => p.lighthouse?.runs ?? []);
		if (runs[0]) {
			const bi = runs.map((x) => x.benchmarkIndex);
			L.push(
				`Lighthouse ${runs[0].version}, ${runs.length} runs, served by \`astro preview\` (no compression). Lighthouse's CPU benchmark index ranged ${Math.min(...bi)}-${Math.max(...bi)} (median ${median(bi)}); the mobile preset slows the CPU 4× on top, so a busy machine lowers the performance score even for pages that run no script.`,
				'',
			);
		}
	}

	L.push('## Search', '');
	if (r.search) {
		const s = r.search;
		const l = s.latency;
		const line = (name: string, cold: number[], warm: number[]) => [
			name,
			msf(median(cold)),
			msf(median(warm)),
			msf(p90(warm)),
		];
		const lunr = 'coldMs' in l.lunr ? l.lunr : undefined;
		L.push(
			`${s.modules.toLocaleString('en')}-module corpus, ${l.sessions} browser sessions × ${l.queries.length} queries. Cold: the first query in a fresh browser context (downloads, WebAssembly and index loading included); each session starts with a different query. Warm: the later queries of a session. The engine rows start from nothing at the query. The search page rows are a learner's: click into the box, type the query (${l.typingDelayMs ?? '?'} ms a key), press Enter; timed from Enter. The page starts loading both engines on the click.`,
			'',
		);
		L.push(
			table(
				['Engine', 'Cold, median', 'Warm, median', 'Warm, p90'],
				[
					line('Pagefind API: search + first result’s data', l.pagefind.coldMs, l.pagefind.warmMs),
					lunr
						? line('Finder (lunr): index load + search', lunr.coldMs, lunr.warmMs)
						: ['Finder (lunr)', l.lunr && 'error' in l.lunr ? l.lunr.error : '', '', ''],
					line(
						'Search page (typed, then Enter): quick (finder) results shown',
						l.page.quickColdMs,
						l.page.quickWarmMs,
					),
					line(
						'Search page (typed, then Enter): full-text (Pagefind) results shown',
						l.page.fullColdMs,
						l.page.fullWarmMs,
					),
				],
			),
			'',
		);
		L.push(
			table(
				[
					'Query',
					'Pagefind results',
					'Pagefind, median of sessions',
					`Finder results (max ${QUICK_SHOWN})`,
					'Finder, median of sessions',
				],
				l.queries.map((q) => {
					const pf = l.pagefind.byQuery[q];
					const fi = lunr?.byQuery[q];
					return [
						q,
						String(pf?.results ?? ''),
						pf ? msf(median(pf.ms)) : '',
						String(fi?.results ?? ''),
						fi ? msf(median(fi.ms)) : '',
					];
				}),
			),
			'',
		);
		L.push(
			`Index sizes: Pagefind ${MB(s.pagefindBytes)} in ${s.pagefindFiles} files (a query fetches only the chunks it needs); finder index ${KB(s.finderBytes)} raw, ${KB(s.finderGzip)} gzip in search/finder/, ${Math.round(s.finderGzip / s.modules)} B gzip per module (a query fetches head.json and only the shards its words and shown hits need). The search page waits 150 ms after the last keystroke before searching; Enter searches at once.`,
			'',
		);
	} else L.push(`Not run: ${r.searchError ?? 'left out (--no-search)'}.`, '');

	L.push('## Labs', '');
	if (r.labs) {
		const l = r.labs;
		L.push(
			`The lab \`${l.lab}\` with its reference solution (${l.cases} cases per run), ${l.sessions} fresh browser sessions × ${l.warmRunsPerSession} warm runs. First run: from pressing Run in a fresh browser context to the results on screen, including starting the sandbox worker and fetching and compiling QuickJS's WebAssembly. Warm: later runs on the same page.`,
			'',
			table(
				['Measure', 'Median', 'p90'],
				[
					['Browser: first run (engine start included)', msf(median(l.firstRunMs)), msf(p90(l.firstRunMs))],
					['Browser: warm run', msf(median(l.warmRunMs)), msf(p90(l.warmRunMs))],
					[
						'Node: engine start (WebAssembly load)',
						msf(median(l.nodeEngineStartMs)),
						msf(p90(l.nodeEngineStartMs)),
					],
					['Node: warm run', msf(median(l.nodeWarmRunMs)), msf(p90(l.nodeWarmRunMs))],
				],
			),
			'',
		);
	} else L.push(`Not run: ${r.labsError ?? 'left out (--no-labs)'}.`, '');

	L.push('## Goals', '');
	L.push(
		table(
			['Goal', 'Met', 'Detail'],
			goals(r).map((g) => [g.goal, g.met, g.detail]),
		),
		'',
	);
	if (r.errors.length) {
		L.push('## Errors', '', ...r.errors.map((e) => `- ${e.split('\n').slice(0, 3).join(' ')}`), '');
	}
	return `${L.join('\n')}\n`;
}
