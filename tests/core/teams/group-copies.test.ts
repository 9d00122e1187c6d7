import { describe, expect, test } from 'vitest';
import { type FileResult, groupCopies } from '../../../src/core/teams/team-report.ts';

const result = (index: number, status: FileResult['status'], digest?: string): FileResult =>
	({
		index,
		name: `f${index}.json`,
		status,
		notes: [],
		...(digest ? { report: { digest } } : {}),
	}) as unknown as FileResult;

describe('identical copies of a report are one row', () => {
	test('200 copies of one report make one row with 199 copies', () => {
		const files = [
			result(0, 'accepted', 'd1'),
			...Array.from({ length: 199 }, (_, i) => result(i + 1, 'duplicate', 'd1')),
		];
		const groups = groupCopies(files);
		expect(groups).toHaveLength(1);
		expect(groups[0]?.file.index).toBe(0);
		expect(groups[0]?.copies).toHaveLength(199);
	});

	test('different reports and rejected files keep their own rows, in order', () => {
		const files = [
			result(0, 'accepted', 'd1'),
			result(1, 'rejected'),
			result(2, 'accepted', 'd2'),
			result(3, 'duplicate', 'd1'),
			result(4, 'rejected'),
			result(5, 'duplicate', 'd2'),
		];
		expect(groupCopies(files).map((g) => [g.file.index, g.copies.map((c) => c.index)])).toEqual([
			[0, [3]],
			[1, []],
			[2, [5]],
			[4, []],
		]);
	});

	test('a flagged file with the same digest is not folded into a copy', () => {
		const files = [result(0, 'accepted', 'd1'), result(1, 'flagged', 'd1')];
		expect(groupCopies(files)).toHaveLength(2);
	});
});
