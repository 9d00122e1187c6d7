import { describe, expect, test } from 'vitest';
import { importCounts, importSummaryText } from '../../../src/core/progress/import-summary.ts';
import type { ProgressData } from '../../../src/core/progress/progress.ts';

const data = (attemptIds: string[], modules: string[]): ProgressData =>
	({
		attempts: attemptIds.map((id) => ({ id })),
		modules: Object.fromEntries(modules.map((m) => [m, {}])),
	}) as unknown as ProgressData;

describe('what an import added', () => {
	test('importing what is already stored says "Nothing new", with the counts', () => {
		const before = data(['a1'], ['m1']);
		const c = importCounts(before, data(['a1'], ['m1']));
		expect(c).toEqual({ newAttempts: 0, storedAttempts: 1, newModules: 0, storedModules: 1 });
		expect(importSummaryText(c, 'p.json')).toBe(
			'Nothing new: 1 attempt and 1 module record in “p.json” are already stored here, so your progress is unchanged.',
		);
		expect(importSummaryText(importCounts(data(['a1'], []), data(['a1'], [])), 'p.json')).toBe(
			'Nothing new: 1 attempt in “p.json” is already stored here, so your progress is unchanged.',
		);
	});

	test('new and already stored are counted apart', () => {
		const c = importCounts(data(['a1', 'a2'], []), data(['a1', 'a2', 'a3'], ['m1']));
		expect(c).toEqual({ newAttempts: 1, storedAttempts: 2, newModules: 1, storedModules: 0 });
		expect(importSummaryText(c, 'p.json')).toBe(
			'Imported 1 new attempt and 1 new module record from “p.json” and merged them with your progress. Already stored here, so not added again: 2 attempts.',
		);
	});

	test('an empty file adds nothing and says so', () => {
		const c = importCounts(data(['a1'], []), data([], []));
		expect(importSummaryText(c, 'e.json')).toBe(
			'Nothing new: “e.json” holds no attempts or module records, so your progress is unchanged.',
		);
	});

	test('when every attempt was refused, it does not claim the file held none', () => {
		const c = importCounts(data(['a1'], []), data([], []));
		expect(importSummaryText(c, 'e.json', 1)).toBe('Nothing new was imported from “e.json”.');
	});
});
