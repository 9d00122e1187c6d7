/**
 * Labs read from `content/labs/<id>/` on disk and checked (src/core/labs/load.ts). Used by
 * `npm run validate`, the content tests and the build: a broken lab stops the build with the
 * file, the field and the fix.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentProblem } from '../core/catalog/catalog.ts';
import { checkLabFolder, type Lab } from '../core/labs/load.ts';

/** Files a lab folder may hold. */
const NAMES = [
	'lab.yaml',
	'functional.yaml',
	'attacks.yaml',
	'harness.js',
	'starter.js',
	'starter.ts',
	'reference.js',
	'reference.ts',
];

export function loadLabs(
	root: string,
	known?: { modules: ReadonlySet<string>; provisions: ReadonlySet<string> },
): { labs: Lab[]; problems: ContentProblem[] } {
	const base = join(root, 'content/labs');
	let names: string[];
	try {
		names = readdirSync(base).sort();
	} catch {
		return { labs: [], problems: [] };
	}
	const labs: Lab[] = [];
	const problems: ContentProblem[] = [];
	for (const name of names) {
		const full = join(base, name);
		if (!statSync(full).isDirectory()) continue;
		const files: Record<string, string | undefined> = {};
		for (const f of NAMES) {
			try {
				files[f] = readFileSync(join(full, f), 'utf8');
			} catch {
				files[f] = undefined;
			}
		}
		const result = checkLabFolder(`content/labs/${name}`, files, known);
		problems.push(...result.problems);
		if (result.lab) labs.push(result.lab);
	}
	labs.sort((a, b) => a.data.order - b.data.order || a.data.id.localeCompare(b.data.id));
	return { labs, problems };
}
