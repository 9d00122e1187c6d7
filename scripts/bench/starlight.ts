/**
 * The peer for the benchmark: Astro Starlight building the same synthetic lessons. Starlight is
 * never a dependency of this project: it is installed from the npm registry into a folder under
 * the system's temporary directory (reused by later runs), next to the same Astro version.
 * Starlight runs with its defaults (sidebar generated from the folders, Pagefind search,
 * Expressive Code), as a team adopting it would start; like ours, its build does not print
 * Astro's harmless MDX directive warning, and it has no `site`, so it skips the sitemap.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT, writeFiles } from '../lib/temp-project.ts';
import { type CorpusOptions, starlightCorpus } from './corpus.ts';

/** The newest Starlight whose peer range includes this project's Astro (`npm view @astrojs/starlight peerDependencies`). */
export const STARLIGHT_VERSION = '0.42.4';

export function astroVersion(): string {
	const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
		dependencies: Record<string, string>;
	};
	return pkg.dependencies.astro ?? 'latest';
}

/**
 * Packages of the peer's dependency tree whose install scripts the temporary project approves
 * (npm's `allowScripts`): esbuild's postinstall checks its platform binary. The temporary project
 * keeps npm's strict mode (its own .npmrc), so a new unreviewed install script stops the install
 * with npm's message, as it would in this project.
 */
export const STARLIGHT_ALLOW_SCRIPTS: Record<string, boolean> = { esbuild: true };

/** The temporary project's package.json and .npmrc. */
export function starlightPackage(astro: string): { 'package.json': string; '.npmrc': string } {
	return {
		'package.json': `${JSON.stringify(
			{
				name: 'saa-bench-starlight',
				private: true,
				type: 'module',
				dependencies: { astro: astro, '@astrojs/starlight': STARLIGHT_VERSION },
				allowScripts: STARLIGHT_ALLOW_SCRIPTS,
			},
			null,
			'\t',
		)}\n`,
		'.npmrc': 'strict-allow-scripts=true\nfund=false\naudit=false\n',
	};
}

/**
 * The environment for the child `npm install`: the caller's, without the `npm_config_*` variables
 * that `npm run bench` exports (they carry this project's settings into the child and override
 * the temporary project's own .npmrc).
 */
export function childNpmEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(env).filter(([k]) => !/^npm_config_/i.test(k)));
}

/**
 * Why an `npm install` failed, in a few lines: npm's own `npm error` lines first (e.g.
 * ESTRICTALLOWSCRIPTS naming the package), or the end of its output, or the spawn error.
 */
export function npmFailureReason(r: {
	status: number | null;
	signal?: string | null;
	error?: Error;
	stdout?: string | null;
	stderr?: string | null;
}): string {
	if (r.error) return `npm could not run: ${r.error.message}`;
	const out = `${r.stderr ?? ''}\n${r.stdout ?? ''}`;
	const errors = out
		.split('\n')
		.filter((l) => /^npm (error|ERR!)/.test(l) && !/complete log of this run/.test(l))
		.map((l) => l.replace(/^npm (error|ERR!)\s*/, '').trimEnd())
		.filter((l) => l.length > 0);
	const how = r.signal ? `killed by ${r.signal}` : `exit code ${r.status}`;
	if (errors.length) return `npm install ${how}: ${errors.slice(0, 12).join(' / ')}`;
	const tail = out.trim().split('\n').slice(-8).join(' / ');
	return `npm install ${how}${tail ? `: ${tail}` : ' with no output'}`;
}

/** Installs Starlight and Astro into a temporary folder once; returns that folder. */
export function installStarlight(log: (line: string) => void): string {
	const astro = astroVersion();
	const dir = join(tmpdir(), `saa-bench-starlight-${STARLIGHT_VERSION}-astro-${astro}`);
	const installed = join(dir, 'node_modules/@astrojs/starlight/package.json');
	if (existsSync(installed) && existsSync(join(dir, 'node_modules/astro/bin/astro.mjs'))) return dir;
	mkdirSync(dir, { recursive: true });
	writeFiles(dir, starlightPackage(astro));
	log(`Installing @astrojs/starlight@${STARLIGHT_VERSION} with astro@${astro} into ${dir} (npm registry)…`);
	const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: dir,
		encoding: 'utf8',
		timeout: 10 * 60_000,
		env: childNpmEnv(process.env),
	});
	if (r.status !== 0 || r.error || !existsSync(installed)) {
		const reason =
			r.status === 0 && !r.error ? `npm install finished but ${installed} is missing` : npmFailureReason(r);
		throw new Error(`npm install of Starlight in ${dir} failed. ${reason}`);
	}
	return dir;
}

// The same filter for Astro's harmless MDX warning as this project's astro.config.mjs, so that
// neither build spends time printing thousands of them.
const CONFIG = `import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
export default defineConfig({
	cacheDir: './.bench-cache',
	integrations: [starlight({ title: 'Benchmark academy' })],
	vite: {
		build: {
			rollupOptions: {
				onwarn(warning, warn) {
					if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
					warn(warning);
				},
			},
		},
	},
});
`;
const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`;

/** A Starlight project with the synthetic corpus of `opts.modules` lessons, using the install in `installDir`. */
export function starlightProject(installDir: string, opts: CorpusOptions): string {
	const dir = mkdtempSync(join(tmpdir(), `saa-bench-starlight-${opts.modules}-`));
	symlinkSync(join(installDir, 'node_modules'), join(dir, 'node_modules'), 'dir');
	writeFiles(dir, {
		'package.json': readFileSync(join(installDir, 'package.json'), 'utf8'),
		'astro.config.mjs': CONFIG,
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/docs/index.mdx':
			'---\ntitle: Benchmark academy\ndescription: Synthetic lessons.\n---\n\nWelcome.\n',
		...starlightCorpus(opts),
	});
	return dir;
}
