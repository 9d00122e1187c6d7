/**
 * A copy of the project in a temporary folder, built with the project's own Astro: used by the
 * build tests (broken content must fail the real build) and by `npm run bench` (synthetic
 * corpora go through the real build). node_modules is linked, not copied.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const PROJECT_ROOT = new URL('../..', import.meta.url).pathname;

/** What a build needs from the project. */
const PROJECT_ITEMS = [
	'astro.config.mjs',
	'academy.config.yaml',
	'package.json',
	'tsconfig.json',
	'src',
	'content',
	'quizzes',
	'public',
];

/** Copies the project into a new temporary folder and writes `files` (path → text) over it. */
export function copyProject(prefix: string, files: Record<string, string> = {}): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	for (const item of PROJECT_ITEMS) cpSync(join(PROJECT_ROOT, item), join(dir, item), { recursive: true });
	symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
	writeFiles(dir, files);
	return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, name)), { recursive: true });
		writeFileSync(join(dir, name), text);
	}
}

export interface AstroRun {
	status: number | null;
	output: string;
	/** Wall-clock time of the whole command, Node start-up included. */
	ms: number;
}

/**
 * Runs the Astro CLI of this project (or of the project at `astroRoot`) with the running Node in
 * `dir`, e.g. `['build']`.
 * The environment is the caller's, without colours or telemetry, plus `env`.
 */
export function runAstro(
	dir: string,
	args: readonly string[],
	options: { env?: Record<string, string | undefined>; timeoutMs?: number; astroRoot?: string } = {},
): AstroRun {
	const started = performance.now();
	const bin = join(options.astroRoot ?? PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
	const r = spawnSync(process.execPath, [bin, ...args], {
		cwd: dir,
		encoding: 'utf8',
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...options.env },
		timeout: options.timeoutMs ?? 120_000,
		maxBuffer: 256 * 1024 * 1024,
	});
	return { status: r.status, output: `${r.stdout}\n${r.stderr}`, ms: performance.now() - started };
}

export function removeDir(dir: string): void {
	rmSync(dir, { recursive: true, force: true });
}
