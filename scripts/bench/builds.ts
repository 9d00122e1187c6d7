/**
 * Timed production builds for the benchmark: the real site and synthetic corpora, each in a
 * temporary copy of the project with its own Astro cache, so every run is a cold build (as in
 * CI) and nothing in the working tree is touched.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadContent } from '../../src/lib/content-files.ts';
import { copyProject, PROJECT_ROOT, writeFiles } from '../lib/temp-project.ts';
import { academyCorpus, type CorpusOptions, corpusLessons } from './corpus.ts';
import {
	type BuildPhase,
	buildPhases,
	type HookEvent,
	TIMING_MODULE,
	TIMINGS_FILE,
	type TimedLine,
} from './phases.ts';

/** The Code's principles and provision ids, read from the project's content. */
export function principleList(): CorpusOptions['principles'] {
	const { catalog } = loadContent(PROJECT_ROOT);
	return catalog.principles.map((p) => ({
		number: p.data.number,
		provisions: p.data.provisions.map((v) => v.id),
	}));
}

/**
 * Wraps the project's config with a cache folder of the copy's own, so builds never share a
 * cache, and times every integration hook (phases.ts).
 */
const BENCH_CONFIG = `import config from './astro.config.mjs';
import { timed } from './bench-timing.mjs';
export default { ...config, cacheDir: './.bench-cache', integrations: timed(config.integrations) };
`;
const BENCH_FILES = { 'bench.config.mjs': BENCH_CONFIG, 'bench-timing.mjs': TIMING_MODULE };

/** A copy of the project with the real content. */
export function realProject(): string {
	return copyProject('saa-bench-real-', BENCH_FILES);
}

/**
 * A copy of the project whose modules and quizzes are replaced by a synthetic corpus of
 * `modules` modules; principles, provisions and the glossary stay (glossary terms are pointed at
 * synthetic modules, since the real ones are gone). Learning paths, published assignments and
 * labs name real modules, so they are left out.
 */
export function corpusProject(modules: number, seed: number): string {
	const dir = copyProject(`saa-bench-${modules}-`, BENCH_FILES);
	rmSync(join(dir, 'content/modules'), { recursive: true, force: true });
	// Labs name real modules too.
	rmSync(join(dir, 'content/labs'), { recursive: true, force: true });
	for (const folder of ['quizzes', 'content/paths', 'content/assignments']) {
		for (const f of readdirSync(join(dir, folder))) {
			if (f.endsWith('.yaml')) rmSync(join(dir, folder, f));
		}
	}
	const opts = { modules, seed, principles: principleList() };
	const ids = corpusLessons(opts).map((l) => l.id);
	const glossary = parse(readFileSync(join(dir, 'content/glossary.yaml'), 'utf8')) as { modules: string[] }[];
	glossary.forEach((term, i) => {
		term.modules = [ids[i % ids.length] as string];
	});
	writeFiles(dir, { ...academyCorpus(opts), 'content/glossary.yaml': stringify(glossary, { lineWidth: 0 }) });
	return dir;
}

export interface BuildResult {
	ms: number;
	/**
	 * CPU time of the build and everything it started (user + system, from the shell's `times`),
	 * in ms; steadier than wall-clock time on a shared machine. Undefined where `times` is missing.
	 */
	cpuMs?: number;
	pages: number;
	outBytes: number;
	outFiles: number;
	pagefindBytes: number;
	/** Where the time went (phases.ts); one `total` phase for builds without hook timings. */
	phases: BuildPhase[];
}

export function folderSize(dir: string): { bytes: number; files: number } {
	let bytes = 0;
	let files = 0;
	const walk = (d: string) => {
		for (const name of readdirSync(d)) {
			const full = join(d, name);
			const s = statSync(full);
			if (s.isDirectory()) walk(full);
			else {
				bytes += s.size;
				files++;
			}
		}
	};
	walk(dir);
	return { bytes, files };
}

export function countHtml(dir: string): number {
	let n = 0;
	const walk = (d: string) => {
		for (const name of readdirSync(d)) {
			const full = join(d, name);
			if (statSync(full).isDirectory()) {
				if (name !== 'pagefind') walk(full);
			} else if (name.endsWith('.html')) n++;
		}
	};
	walk(dir);
	return n;
}

/** Where a bench build's shell writes its `times` output, in the project copy. */
const CPU_FILE = '.bench-cpu';

/**
 * The children's CPU time (user + system, ms) from a POSIX shell's `times` output: two lines,
 * the shell's own times, then its children's, each `<user> <system>` as `1m2.345s`.
 */
export function childCpuMs(timesOutput: string): number | undefined {
	const line = timesOutput.trim().split('\n')[1];
	const m = /^(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s$/.exec(line?.trim() ?? '');
	if (!m) return undefined;
	const [, um, us, sm, ss] = m.map(Number) as [number, number, number, number, number];
	return Math.round((um * 60 + us + sm * 60 + ss) * 1000);
}

/**
 * One cold build of a project copy into `<dir>/dist` (its cache folder `.bench-cache` is emptied
 * first); rejects with Astro's output if it fails. `astroRoot` selects another install of Astro
 * (Starlight's). Runs the Astro CLI with the running Node, without colours or telemetry, noting
 * when each output line arrives (for the phases).
 */
export async function buildOnce(
	dir: string,
	options: { config?: string; astroRoot?: string } = {},
): Promise<BuildResult> {
	rmSync(join(dir, '.bench-cache'), { recursive: true, force: true });
	rmSync(join(dir, 'dist'), { recursive: true, force: true });
	rmSync(join(dir, TIMINGS_FILE), { force: true });
	rmSync(join(dir, CPU_FILE), { force: true });
	const bin = join(options.astroRoot ?? PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
	const env: NodeJS.ProcessEnv = {
		...process.env,
		ASTRO_TELEMETRY_DISABLED: '1',
		FORCE_COLOR: '0',
		NO_COLOR: '1',
	};
	delete env.ACADEMY_OUT_DIR;
	delete env.ACADEMY_CONFIG;
	const lines: TimedLine[] = [];
	let output = '';
	const spawnStart = performance.timeOrigin + performance.now();
	const status = await new Promise<number | null>((resolve, reject) => {
		// Through sh, whose `times` then reports the CPU time of the build and all its children.
		const script = `"$0" "$@"; s=$?; times > ${CPU_FILE}; exit $s`;
		const args = [bin, 'build', '--config', options.config ?? 'bench.config.mjs'];
		const child = spawn('/bin/sh', ['-c', script, process.execPath, ...args], {
			cwd: dir,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const timer = setTimeout(() => {
			// The build is the shell's child: end it first, then the shell.
			if (child.pid) spawnSync('pkill', ['-KILL', '-P', String(child.pid)]);
			child.kill('SIGKILL');
		}, 30 * 60_000);
		let partial = '';
		const take = (chunk: Buffer) => {
			const at = performance.timeOrigin + performance.now();
			const text = chunk.toString('utf8');
			output = (output + text).slice(-64_000);
			const parts = (partial + text).split('\n');
			partial = parts.pop() ?? '';
			for (const p of parts) lines.push({ at, text: p });
		};
		child.stdout.on('data', take);
		child.stderr.on('data', take);
		child.once('error', reject);
		child.once('close', (code) => {
			clearTimeout(timer);
			resolve(code);
		});
	});
	const spawnEnd = performance.timeOrigin + performance.now();
	if (status !== 0) throw new Error(`Build failed in ${dir}:\n${output.slice(-4000)}`);
	const timings = join(dir, TIMINGS_FILE);
	const events: HookEvent[] = existsSync(timings)
		? (JSON.parse(readFileSync(timings, 'utf8')) as { events: HookEvent[] }).events
		: [];
	const out = join(dir, 'dist');
	const size = folderSize(out);
	const cpuMs = existsSync(join(dir, CPU_FILE))
		? childCpuMs(readFileSync(join(dir, CPU_FILE), 'utf8'))
		: undefined;
	return {
		ms: spawnEnd - spawnStart,
		...(cpuMs === undefined ? {} : { cpuMs }),
		pages: countHtml(out),
		outBytes: size.bytes,
		outFiles: size.files,
		pagefindBytes: folderSize(join(out, 'pagefind')).bytes,
		phases: buildPhases(events, lines, spawnStart, spawnEnd),
	};
}
