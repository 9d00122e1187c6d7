/**
 * Where a build's time goes. A bench build runs with `bench.config.mjs`, which wraps every
 * integration's hooks with a timer (the source below, written into each project copy as
 * `bench-timing.mjs`); the timer writes `.bench-timings.json` when the build ends. The parent
 * also notes when each line of Astro's output arrived. From both, `buildPhases` splits the
 * wall-clock time of one build into phases. Timing only: nothing here changes what a build does.
 */

/** One integration hook call, in epoch milliseconds. */
export interface HookEvent {
	integration: string;
	hook: string;
	start: number;
	end: number;
}

/** A line of the build's output and when it arrived (epoch milliseconds). */
export interface TimedLine {
	at: number;
	text: string;
}

export interface BuildPhase {
	/** Short stable key, e.g. `render` or `integration:secure-ai-academy:pagefind`. */
	id: string;
	label: string;
	ms: number;
}

/** The file each bench build writes its hook timings to, in the project copy. */
export const TIMINGS_FILE = '.bench-timings.json';

/** `bench-timing.mjs`: wraps integrations' hooks with timers (plain JS: Astro loads it with the config). */
export const TIMING_MODULE = `// Written by scripts/bench (phases.ts): times every integration hook of a bench build.
import { writeFileSync } from 'node:fs';
const events = [];
const now = () => performance.timeOrigin + performance.now();
const flush = () => writeFileSync('${TIMINGS_FILE}', JSON.stringify({ processStart: performance.timeOrigin, events }));
const wrap = (name, hooks) =>
	Object.fromEntries(
		Object.entries(hooks ?? {}).map(([hook, fn]) => [
			hook,
			async (...args) => {
				const start = now();
				try {
					return await fn(...args);
				} finally {
					events.push({ integration: name, hook, start, end: now() });
					if (hook === 'astro:build:done') flush();
				}
			},
		]),
	);
const marker = (name) => ({
	name,
	hooks: Object.fromEntries(
		['astro:config:setup', 'astro:config:done', 'astro:build:start', 'astro:build:setup', 'astro:build:generated', 'astro:build:done'].map((h) => [h, () => {}]),
	),
});
/** The integrations, each hook timed, between two markers that time the gaps. */
export function timed(integrations) {
	const list = [marker('bench:first'), ...(integrations ?? []).flat(Infinity).filter(Boolean), marker('bench:last')];
	return list.map((i) => ({ ...i, hooks: wrap(i.name, i.hooks) }));
}
`;

/** Astro's own output lines that mark the start of a step of its build. */
const MARKERS: { id: string; re: RegExp }[] = [
	{ id: 'bundle', re: /Building static entrypoints/ },
	{ id: 'render', re: /generating static routes/ },
];

/**
 * Splits one build into phases. `spawnStart`/`spawnEnd` bound the whole command. Phases:
 * start-up (Node, Astro and the config, up to the first hook), config hooks, content sync and
 * type generation (to `astro:build:start`), the Vite bundle, page rendering (to
 * `astro:build:generated`, which includes the catalog check and endpoints such as the finder
 * index), each integration's `astro:build:done` hook, and the exit. Without hook events (e.g.
 * Starlight's build) it returns the whole time as one phase.
 */
export function buildPhases(
	events: readonly HookEvent[],
	lines: readonly TimedLine[],
	spawnStart: number,
	spawnEnd: number,
): BuildPhase[] {
	const total = spawnEnd - spawnStart;
	const first = (integration: string, hook: string) =>
		events.find((e) => e.integration === integration && e.hook === hook);
	const setup = first('bench:first', 'astro:config:setup');
	const configDone = events.filter((e) => e.hook === 'astro:config:done').at(-1);
	const buildStart = first('bench:first', 'astro:build:start');
	const generated = first('bench:first', 'astro:build:generated');
	const doneFirst = first('bench:first', 'astro:build:done');
	const doneLast = first('bench:last', 'astro:build:done');
	if (!setup || !configDone || !buildStart || !generated || !doneFirst || !doneLast)
		return [{ id: 'total', label: 'Whole build (no hook timings)', ms: total }];
	const marker = (id: string) => {
		const re = MARKERS.find((m) => m.id === id)?.re;
		return lines.find((l) => re?.test(l.text) && l.at >= buildStart.start && l.at <= generated.start)?.at;
	};
	const renderAt = marker('render') ?? buildStart.end;
	const phases: BuildPhase[] = [
		{ id: 'startup', label: 'Start-up: Node, Astro, config file', ms: setup.start - spawnStart },
		{ id: 'config', label: 'Config hooks', ms: configDone.end - setup.start },
		{
			id: 'content',
			label: 'Content sync (parse + schemas) and types',
			ms: buildStart.start - configDone.end,
		},
		{ id: 'bundle', label: 'Vite bundle', ms: renderAt - buildStart.start },
		{
			id: 'render',
			label: 'Render pages and endpoints (catalog check, finder index)',
			ms: generated.start - renderAt,
		},
	];
	const done = events.filter(
		(e) => e.hook === 'astro:build:done' && e.integration !== 'bench:first' && e.integration !== 'bench:last',
	);
	const hooksMs = done.reduce((s, e) => s + (e.end - e.start), 0);
	phases.push({
		id: 'finish',
		label: 'Astro after rendering, up to the build:done hooks',
		ms: doneFirst.start - generated.start,
	});
	for (const e of done) {
		phases.push({
			id: `integration:${e.integration}`,
			label: `build:done ${e.integration}`,
			ms: e.end - e.start,
		});
	}
	const between = doneLast.end - doneFirst.start - hooksMs;
	if (between > 1) phases.push({ id: 'between', label: 'Between build:done hooks', ms: between });
	phases.push({ id: 'exit', label: 'Exit', ms: spawnEnd - doneLast.end });
	return phases.map((p) => ({ ...p, ms: Math.max(0, Math.round(p.ms)) }));
}

/** Median of each phase over runs (phases matched by id; a phase missing from a run counts 0). */
export function medianPhases(runs: readonly BuildPhase[][], median: (xs: number[]) => number): BuildPhase[] {
	const ids: BuildPhase[] = [];
	for (const run of runs) for (const p of run) if (!ids.some((q) => q.id === p.id)) ids.push(p);
	return ids.map((p) => ({
		...p,
		ms: Math.round(median(runs.map((run) => run.find((q) => q.id === p.id)?.ms ?? 0))),
	}));
}
