/**
 * What an import added: attempts and module records that were not stored before, against those
 * already here, so a learner importing the same file twice is told "Nothing new" rather than
 * "Imported 1 attempt".
 */
import type { ProgressData } from './progress.ts';

export interface ImportCounts {
	/** Attempts in the file (after screening) that were not stored here. */
	newAttempts: number;
	/** Attempts in the file already stored here (same attempt id). */
	storedAttempts: number;
	/** Module records in the file for modules with no record here. */
	newModules: number;
	/** Module records in the file for modules that already have one here. */
	storedModules: number;
}

/** Counts what `imported` adds to `before`, by attempt id and module id. */
export function importCounts(before: ProgressData, imported: ProgressData): ImportCounts {
	const ids = new Set(before.attempts.map((a) => a.id));
	const newAttempts = imported.attempts.filter((a) => !ids.has(a.id)).length;
	const modules = Object.keys(imported.modules);
	const newModules = modules.filter((m) => !Object.hasOwn(before.modules, m)).length;
	return {
		newAttempts,
		storedAttempts: imported.attempts.length - newAttempts,
		newModules,
		storedModules: modules.length - newModules,
	};
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The headline after an import: what was new, and what was already stored. `refused`: attempts
 * screened out (the caller says which and why after this).
 */
export function importSummaryText(c: ImportCounts, fileName: string, refused = 0): string {
	const stored = [
		c.storedAttempts ? plural(c.storedAttempts, 'attempt') : '',
		c.storedModules ? plural(c.storedModules, 'module record') : '',
	]
		.filter(Boolean)
		.join(' and ');
	if (c.newAttempts === 0 && c.newModules === 0) {
		if (refused > 0)
			return `Nothing new was imported from “${fileName}”${stored ? ` (${stored} already stored here)` : ''}.`;
		return stored
			? `Nothing new: ${stored} in “${fileName}” ${c.storedAttempts + c.storedModules === 1 ? 'is' : 'are'} already stored here, so your progress is unchanged.`
			: `Nothing new: “${fileName}” holds no attempts or module records, so your progress is unchanged.`;
	}
	const added = [
		c.newAttempts ? plural(c.newAttempts, 'new attempt') : '',
		c.newModules ? plural(c.newModules, 'new module record') : '',
	]
		.filter(Boolean)
		.join(' and ');
	return `Imported ${added} from “${fileName}” and merged them with your progress.${stored ? ` Already stored here, so not added again: ${stored}.` : ''}`;
}
