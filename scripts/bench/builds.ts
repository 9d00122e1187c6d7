/**
 * Timed production builds for the benchmark: the real site and synthetic corpora, each in a
 * temporary copy of the project with its own Astro cache, so every run is a cold build (as in
 * CI) and nothing in the working tree is touched.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadContent } from '../../src/lib/content-files.ts';
import { copyProject, PROJECT_ROOT, runAstro, writeFiles } from '../lib/temp-project.ts';
import { academyCorpus, type CorpusOptions, corpusLessons } from './corpus.ts';

/** The Code's principles and provision ids, read from the project's content. */
export function principleList(): CorpusOptions['principles'] {
	const { catalog } = loadContent(PROJECT_ROOT);
	return catalog.principles.map((p) => ({
		number: p.data.number,
		provisions: p.data.provisions.map((v) => v.id),
	}));
}

/** Wraps the project's config with a cache folder of the copy's own, so builds never share a cache. */
const BENCH_CONFIG = `import config from './astro.config.mjs';
export default { ...config, cacheDir: './.bench-cache' };
`;

/** A copy of the project with the real content. */
export function realProject(): string {
	return copyProject('saa-bench-real-', { 'bench.config.mjs': BENCH_CONFIG });
}

/**
 * A copy of the project whose modules and quizzes are replaced by a synthetic corpus of
 * `modules` modules; principles, provisions and the glossary stay (glossary terms are pointed at
 * synthetic modules, since the real ones are gone). Learning paths, published assignments and
 * labs name real modules, so they are left out.
 */
export function corpusProject(modules: number, seed: number): string {
	const dir = copyProject(`saa-bench-${modules}-`, { 'bench.config.mjs': BENCH_CONFIG });
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
	pages: number;
	outBytes: number;
	outFiles: number;
	pagefindBytes: number;
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

/**
 * One cold build of a project copy into `<dir>/dist` (its cache folder `.bench-cache` is emptied
 * first); throws with Astro's output if it fails. `astroRoot` selects another install of Astro
 * (Starlight's).
 */
export function buildOnce(dir: string, options: { config?: string; astroRoot?: string } = {}): BuildResult {
	rmSync(join(dir, '.bench-cache'), { recursive: true, force: true });
	rmSync(join(dir, 'dist'), { recursive: true, force: true });
	const run = runAstro(dir, ['build', '--config', options.config ?? 'bench.config.mjs'], {
		env: { ACADEMY_OUT_DIR: undefined, ACADEMY_CONFIG: undefined },
		timeoutMs: 30 * 60_000,
		...(options.astroRoot ? { astroRoot: options.astroRoot } : {}),
	});
	if (run.status !== 0) throw new Error(`Build failed in ${dir}:\n${run.output.slice(-4000)}`);
	const out = join(dir, 'dist');
	const size = folderSize(out);
	return {
		ms: run.ms,
		pages: countHtml(out),
		outBytes: size.bytes,
		outFiles: size.files,
		pagefindBytes: folderSize(join(out, 'pagefind')).bytes,
	};
}
