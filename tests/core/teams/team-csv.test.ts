/**
 * The team CSV carries each row's file status and reason, and they survive a round trip through
 * a spreadsheet-style CSV parser (tests/fixtures/csv-strict.ts: why a strict RFC 4180 reader and
 * not a library is said there).
 */
import { describe, expect, test, vi } from 'vitest';
import { encodeReport, type Report } from '../../../src/core/teams/report.ts';
import {
	buildTeamView,
	checkReportFiles,
	type FileResult,
	mergeLearners,
	type ReportSource,
	teamCsv,
} from '../../../src/core/teams/team-report.ts';
import { parseCsvStrict } from '../../fixtures/csv-strict.ts';
import { catalog, makeReport, quizzes, redigest } from '../../fixtures/teams.ts';

const file = (name: string, text: string): ReportSource => ({
	name,
	size: new TextEncoder().encode(text).length,
	text: async () => text,
});
const loadQuizzes = vi.fn(async (ids: string[]) => quizzes.filter((q) => ids.includes(q.id)));

describe('team CSV: status and reason of every row', () => {
	test('the strict parser refuses what is not RFC 4180', () => {
		expect(() => parseCsvStrict('a,b"c\r\n')).toThrow(/bare/);
		expect(() => parseCsvStrict('"a"b,c\r\n')).toThrow(/after a closing quote/);
		expect(() => parseCsvStrict('"a,b\r\n')).toThrow(/unterminated/);
		expect(() => parseCsvStrict('a,b\r\nc\r\n')).toThrow(/different lengths/);
		expect(parseCsvStrict('\uFEFF"a,""b""",c\r\n"x\r\ny",\r\n')).toEqual([
			['a,"b"', 'c'],
			['x\r\ny', ''],
		]);
	});

	test('verified, flagged, tampered, duplicate and rejected survive the round trip with their reasons', async () => {
		const good = await makeReport('Zoë');
		const forged = structuredClone(await makeReport('Kim, "the tester"'));
		const failed = forged.evidence.attempts[0] as { score: number; passed: boolean };
		failed.score = 1;
		failed.passed = true;
		const tampered = structuredClone(await makeReport('Mallory'));
		tampered.evidence.learner.name = 'Mallory, "=HYPERLINK(x)"';
		const results: FileResult[] = await checkReportFiles(
			[
				file('zoe.json', encodeReport(good)),
				file('kim, forged.json', encodeReport(await redigest(forged as Report))),
				file('tampered.json', encodeReport(tampered)),
				file('zoe-again.json', encodeReport(good)),
				file('notes.json', 'Dear manager,\r\n"done"'),
			],
			{ loadQuizzes, siteUrl: 'http://127.0.0.1:4321/' },
		);
		expect(results.map((r) => r.status)).toEqual([
			'accepted',
			'flagged',
			'tampered',
			'duplicate',
			'rejected',
		]);
		const view = buildTeamView(mergeLearners(results), catalog, '2026-12-01');
		const rows = parseCsvStrict(teamCsv(view, view.rows, results));
		const header = rows[0] as string[];
		const col = (name: string) => header.indexOf(name);
		expect(col('File status')).toBeGreaterThan(0);
		expect(col('Reason')).toBe(header.length - 1);
		const byFile = (name: string) => rows.filter((r) => r[col('Report files')] === name);

		for (const r of byFile('zoe.json')) {
			expect(r[col('Learner')]).toBe('Zoë');
			expect(r[col('File status')]).toBe('verified');
			expect(r[col('Reason')]).toBe('');
		}
		const kim = byFile('kim, forged.json');
		expect(kim.length).toBeGreaterThan(0);
		for (const r of kim) {
			expect(r[col('Learner')]).toBe('Kim, "the tester"');
			expect(r[col('File status')]).toBe('flagged');
			expect(r[col('Reason')]).toMatch(
				/the answers score 25% \(fail\), but the record claims 100% \(pass\)\. Not counted\./,
			);
		}
		// Kim also passed honestly, so m1 is complete; the row still says the file is flagged and why.
		expect(kim.find((r) => r[col('Module id')] === 'm1')?.[col('Status')]).toBe('Completed');

		const [t] = byFile('tampered.json');
		expect(t?.[col('File status')]).toBe('tampered');
		expect(t?.[col('Status')]).toBe('Not counted');
		expect(t?.[col('Reason')]).toMatch(/Tampered: the file was changed after the site made it/);
		expect(t?.[col('Learner')]).toBe('');
		expect(rows.flat().join()).not.toContain('Mallory');

		const [d] = byFile('zoe-again.json');
		expect(d?.[col('File status')]).toBe('duplicate');
		expect(d?.[col('Status')]).toBe('Counted once');
		expect(d?.[col('Reason')]).toContain('The same report as “zoe.json”');

		const [n] = byFile('notes.json');
		expect(n?.[col('File status')]).toBe('rejected');
		expect(n?.[col('Reason')]).toContain('This is plain text, not a learner’s report file');
	});
});
