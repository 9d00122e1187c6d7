import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

/**
 * The install is reproducible on every platform only if the committed lockfile names each
 * platform's optional native binaries: otherwise `npm install` on a fresh clone rewrites it and a
 * team on macOS, Windows or Linux arm64 gets binaries the lockfile never pinned.
 */
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
	packages: Record<string, { version?: string; optional?: boolean; resolved?: string; integrity?: string }>;
};
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
	dependencies: Record<string, string>;
	devDependencies: Record<string, string>;
	optionalDependencies?: Record<string, string>;
};

/** Native packages whose per-platform binaries the build needs, and the platforms teams use. */
const native: Record<string, string[]> = {
	'@astrojs/compiler-binding': [
		'darwin-arm64',
		'darwin-x64',
		'linux-x64-gnu',
		'linux-arm64-gnu',
		'win32-x64-msvc',
	],
	'@biomejs/cli': ['darwin-arm64', 'darwin-x64', 'linux-x64', 'linux-arm64', 'win32-x64'],
	'@pagefind': ['darwin-arm64', 'darwin-x64', 'linux-x64', 'linux-arm64', 'windows-x64'],
	'@rolldown/binding': ['darwin-arm64', 'darwin-x64', 'linux-x64-gnu', 'linux-arm64-gnu', 'win32-x64-msvc'],
	'@napi-rs/canvas': ['darwin-arm64', 'darwin-x64', 'linux-x64-gnu', 'linux-arm64-gnu', 'win32-x64-msvc'],
};

describe('package-lock.json', () => {
	test.each(Object.entries(native))('names every platform binary of %s', (prefix, platforms) => {
		const missing = platforms.filter((p) => {
			const sep = prefix.startsWith('@') && !prefix.includes('/') ? '/' : '-';
			return !lock.packages[`node_modules/${prefix}${sep}${p}`];
		});
		expect(missing, `regenerate with: npm install --package-lock-only`).toEqual([]);
	});

	test('every direct dependency is locked at the exact version package.json pins', () => {
		const wanted = { ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies };
		const wrong = Object.entries(wanted)
			.filter(([name, version]) => lock.packages[`node_modules/${name}`]?.version !== version)
			.map(
				([name, version]) =>
					`${name}: package.json ${version}, lockfile ${lock.packages[`node_modules/${name}`]?.version}`,
			);
		expect(wrong).toEqual([]);
	});

	test('every locked package has an integrity hash, so npm ci checks what it downloads', () => {
		const unhashed = Object.entries(lock.packages)
			.filter(([path, p]) => path !== '' && !path.startsWith('node_modules/.') && p.resolved && !p.integrity)
			.map(([path]) => path);
		expect(unhashed).toEqual([]);
	});
});
