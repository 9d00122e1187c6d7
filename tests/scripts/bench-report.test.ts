/**
 * The benchmark's report when the Starlight peer is missing (it must say so loudly, not drop the
 * columns), the reason it gives for a failed `npm install`, the temporary project's own npm
 * settings, and the split of a build into phases.
 */

import { describe, expect, test } from 'vitest';
import { childCpuMs } from '../../scripts/bench/builds.ts';
import { buildPhases, type HookEvent, medianPhases } from '../../scripts/bench/phases.ts';
import {
	type BenchReport,
	type BuildRow,
	goals,
	median,
	phaseGrowth,
	renderReport,
	starlightMissing,
} from '../../scripts/bench/report.ts';
import { childNpmEnv, npmFailureReason, starlightPackage } from '../../scripts/bench/starlight.ts';

const build = (modules: number, ms: number, phases?: BuildRow['phases']): BuildRow => ({
	label: `${modules} modules`,
	modules,
	runsMs: [ms],
	medianMs: ms,
	pages: modules + 50,
	pagesPerSecond: 1,
	outBytes: 1,
	outFiles: 1,
	pagefindBytes: 1,
	...(phases ? { phases } : {}),
});

const report = (over: Partial<BenchReport> = {}): BenchReport => ({
	startedAt: '2026-12-07T07:00:00.000Z',
	minutes: 1,
	options: { sizes: [100, 500], runs: 1, seed: 1, starlight: true, lighthouse: false, search: false },
	machine: { os: 'Linux', cpu: 'x', cores: 2, memoryGiB: 1, node: 'v24', chromium: 'c', loadStart: 1 },
	builds: [build(100, 6000), build(500, 16000)],
	growth: { interceptMs: 3500, msPerModule: 25, segments: [{ from: 100, to: 500, msPerModule: 25 }] },
	pageTypes: [],
	errors: [],
	...over,
});

const starlight = (ratios: [number, number][]): NonNullable<BenchReport['starlight']> => ({
	version: '0.42.4',
	astro: '7.3.5',
	builds: ratios.map(([n]) => build(n, 1000)),
	ratios: ratios.map(([modules, buildTime]) => ({
		modules,
		buildTime,
		jsPerContentPage: 1,
		htmlPerContentPage: 1,
	})),
});

describe('report: Starlight peer missing', () => {
	test('an install failure is printed loudly at the top and in the peer table, with every size', () => {
		const r = report({ starlightError: 'npm install of Starlight failed. ESTRICTALLOWSCRIPTS esbuild' });
		const md = renderReport(r);
		expect(starlightMissing(r)).toBe(
			'STARLIGHT PEER MISSING: npm install of Starlight failed. ESTRICTALLOWSCRIPTS esbuild',
		);
		const top = md.slice(0, md.indexOf('## Machine'));
		expect(top).toContain(
			'**STARLIGHT PEER MISSING: npm install of Starlight failed. ESTRICTALLOWSCRIPTS esbuild**',
		);
		const peer = md.slice(md.indexOf('## Peer'), md.indexOf('## Page weight'));
		expect(peer).toContain('STARLIGHT PEER MISSING');
		expect(peer).toMatch(/\| 100 \| 150, 6\.0 s \| MISSING \| MISSING \|/);
		expect(peer).toMatch(/\| 500 \| 550, 16\.0 s \| MISSING \| MISSING \|/);
		const g = goals(r).find((x) => x.goal.startsWith("Build time no worse than Starlight's"));
		expect(g?.met).toBe('not measured');
		expect(g?.detail).toContain('STARLIGHT PEER MISSING');
	});

	test('asked for but no reason recorded still says missing; a multi-line reason stays on one line', () => {
		expect(starlightMissing(report())).toBe('STARLIGHT PEER MISSING: no result, reason unknown');
		expect(starlightMissing(report({ starlightError: 'first\n  second' }))).toBe(
			'STARLIGHT PEER MISSING: first second',
		);
	});

	test('left out on purpose (--no-starlight / --quick) is not called missing', () => {
		const r = report({ options: { ...report().options, starlight: false } });
		expect(starlightMissing(r)).toBeUndefined();
		expect(renderReport(r)).not.toContain('MISSING');
		expect(renderReport(r)).toContain('Not run: left out (--quick or --no-starlight).');
	});

	test('present: ratios shown, no missing banner, goals judged', () => {
		const r = report({
			starlight: starlight([
				[100, 0.9],
				[2000, 0.85],
			]),
		});
		expect(starlightMissing(r)).toBeUndefined();
		const md = renderReport(r);
		expect(md).not.toContain('MISSING');
		expect(md).toContain('0.90×');
		const g = goals(r);
		expect(g.find((x) => x.goal.startsWith('Build time no worse'))?.met).toBe('yes');
		expect(g.find((x) => x.goal.includes('0.8×'))?.met).toBe('no');
		expect(g.find((x) => x.goal.startsWith('Fixed build cost'))?.met).toBe('no');
	});
});

describe('CPU time of a build', () => {
	test("read from the shell's `times`: the children's line, user + system, dash and bash formats", () => {
		expect(childCpuMs('0m0.000000s 0m0.000000s\n0m3.300000s 0m0.060000s\n')).toBe(3360);
		expect(childCpuMs('0m0.001s 0m0.002s\n1m2.500s 0m10.250s')).toBe(72750);
	});

	test('anything else is not a measurement', () => {
		expect(childCpuMs('')).toBeUndefined();
		expect(childCpuMs('0m0.001s 0m0.002s')).toBeUndefined();
		expect(childCpuMs('0m0.001s 0m0.002s\nsh: times: not found')).toBeUndefined();
		expect(childCpuMs('0m0.001s 0m0.002s\n3.3 0.06')).toBeUndefined();
	});

	test('the peer table shows the CPU ratio where both sides were measured, and says so where not', () => {
		const st = starlight([
			[100, 1.1],
			[500, 0.9],
		]);
		st.builds = st.builds.map((b) => ({ ...b, cpuMs: 8000 }));
		const r = report({ starlight: st });
		r.builds = [{ ...build(100, 6000), cpuMs: 6000 }, build(500, 16000)];
		const peer = renderReport(r).split('## Peer')[1] ?? '';
		expect(peer).toContain('CPU time ours / Starlight');
		expect(peer).toContain('6.0 s / 8.0 s = 0.75×');
		expect(peer).toMatch(/\| 500 \|[^\n]*not measured/);
	});
});

describe('Starlight install', () => {
	test("npm's own error lines are the reason, without the debug-log line", () => {
		const reason = npmFailureReason({
			status: 1,
			stdout: '',
			stderr: [
				'npm error code ESTRICTALLOWSCRIPTS',
				'npm error --strict-allow-scripts: 1 package(s) have install scripts not covered by allowScripts:',
				'npm error   esbuild@0.28.2 (postinstall: node install.js)',
				'npm error A complete log of this run can be found in: /root/.npm/_logs/x.log',
			].join('\n'),
		});
		expect(reason).toContain('exit code 1');
		expect(reason).toContain('ESTRICTALLOWSCRIPTS');
		expect(reason).toContain('esbuild@0.28.2 (postinstall: node install.js)');
		expect(reason).not.toContain('complete log');
	});

	test('no npm error lines: the end of the output; npm not started: the spawn error; killed: the signal', () => {
		expect(npmFailureReason({ status: 2, stdout: 'a\nb\nlast words', stderr: '' })).toBe(
			'npm install exit code 2: a / b / last words',
		);
		expect(npmFailureReason({ status: 1, stdout: '', stderr: '' })).toBe(
			'npm install exit code 1 with no output',
		);
		expect(npmFailureReason({ status: null, error: new Error('spawnSync npm ENOENT') })).toBe(
			'npm could not run: spawnSync npm ENOENT',
		);
		expect(
			npmFailureReason({ status: null, signal: 'SIGTERM', stdout: '', stderr: 'npm error network' }),
		).toBe('npm install killed by SIGTERM: network');
	});

	test('the temporary project approves esbuild, keeps strict mode, and does not inherit npm_config_*', () => {
		const files = starlightPackage('7.3.5');
		const pkg = JSON.parse(files['package.json']);
		expect(pkg.allowScripts).toEqual({ esbuild: true });
		expect(pkg.dependencies).toEqual({ astro: '7.3.5', '@astrojs/starlight': '0.42.4' });
		expect(files['.npmrc']).toContain('strict-allow-scripts=true');
		const env = childNpmEnv({
			PATH: '/bin',
			npm_config_strict_allow_scripts: 'true',
			NPM_CONFIG_USERCONFIG: 'x',
		});
		expect(env).toEqual({ PATH: '/bin' });
	});
});

describe('build phases', () => {
	const ev = (integration: string, hook: string, start: number, end = start): HookEvent => ({
		integration,
		hook,
		start,
		end,
	});
	const events: HookEvent[] = [
		ev('bench:first', 'astro:config:setup', 1000),
		ev('bench:last', 'astro:config:done', 1100, 1150),
		ev('bench:first', 'astro:build:start', 3000),
		ev('bench:first', 'astro:build:generated', 9000),
		ev('bench:first', 'astro:build:done', 9100),
		ev('x:pagefind', 'astro:build:done', 9100, 9900),
		ev('x:sw', 'astro:build:done', 9900, 10000),
		ev('bench:last', 'astro:build:done', 10000),
	];

	test('every millisecond of the build is in one phase', () => {
		const phases = buildPhases(events, [{ at: 5000, text: ' generating static routes ' }], 0, 10500);
		const by = Object.fromEntries(phases.map((p) => [p.id, p.ms]));
		expect(by).toEqual({
			startup: 1000,
			config: 150,
			content: 1850,
			bundle: 2000,
			render: 4000,
			finish: 100,
			'integration:x:pagefind': 800,
			'integration:x:sw': 100,
			exit: 500,
		});
		expect(phases.reduce((s, p) => s + p.ms, 0)).toBe(10500);
	});

	test('without hook timings (Starlight) the whole build is one phase', () => {
		expect(buildPhases([], [], 0, 7000)).toEqual([
			{ id: 'total', label: 'Whole build (no hook timings)', ms: 7000 },
		]);
	});

	test('medians per phase, and a straight line per phase through the corpora', () => {
		const a = [{ id: 'render', label: 'R', ms: 10 }];
		const b = [{ id: 'render', label: 'R', ms: 30 }];
		const c = [{ id: 'render', label: 'R', ms: 20 }];
		expect(medianPhases([a, b, c], median)).toEqual([{ id: 'render', label: 'R', ms: 20 }]);
		const fit = phaseGrowth([
			build(100, 0, [{ id: 'render', label: 'R', ms: 1200 }]),
			build(500, 0, [{ id: 'render', label: 'R', ms: 2000 }]),
		]);
		expect(fit).toEqual([{ label: 'R', interceptMs: 1000, msPerModule: 2 }]);
	});
});

describe('goals without the real site (--only=builds --no-real)', () => {
	test('lesson pages without JS is "not measured", not a pass with no pages behind it', () => {
		const g = goals(report()).find((x) => x.goal === 'Lesson pages without JS');
		expect(g?.met).toBe('not measured');
		expect(g?.detail).toContain("real site's build was left out");
	});
});
