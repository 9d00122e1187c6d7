import { describe, expect, test } from 'vitest';
import { nestingDepth } from '../../../src/core/envelope/untrusted-json.ts';
import { encodeExport } from '../../../src/core/progress/codec.ts';
import { digestOf } from '../../../src/core/quiz/evidence.ts';
import {
	encodeReport,
	MAX_REPORT_BYTES,
	openReport,
	reportFileName,
} from '../../../src/core/teams/report.ts';
import { makeReport, progressWith, spec } from '../../fixtures/teams.ts';

describe('building a report', () => {
	test('wraps the evidence for the assignment scope, with what was assigned and a summary', async () => {
		const r = await makeReport();
		expect(r.format).toBe('secure-ai-academy/report');
		expect(r.version).toBe(1);
		expect(r.assignment.modules).toEqual(['m3', 'm1', 'm2']);
		expect(r.evidence.format).toBe('secure-ai-academy/evidence');
		expect(r.evidence.learner.name).toBe('Zoë Example');
		// Only assessment attempts of assigned quizzes, and read marks of assigned modules.
		expect(r.evidence.attempts.map((a) => [a.quizId, a.mode])).toEqual([
			['q1', 'assessment'],
			['q1', 'assessment'],
		]);
		expect(r.evidence.modules).toEqual([{ id: 'm1', readAt: '2026-11-21T09:00:00.000Z' }]);
		expect(r.summary).toContain('Assignment report: Platform team');
		expect(r.summary).toContain('Completed 1 of 3 assigned modules.');
		expect(r.summary).toContain('- Module one (m1): completed, best score 100%, passed 2026-11-21');
		expect(r.summary).toContain('- Module three (m3): not started');
		const { digest, ...rest } = r;
		expect(digest).toBe(await digestOf(rest));
	});

	test('the digest covers every field, so the file opens as untouched', async () => {
		const r = await makeReport();
		const opened = await openReport(encodeReport(r));
		expect(opened).toEqual({ ok: true, report: r, digestMatches: true });
	});

	test('the file name is ASCII, from the title and date', async () => {
		const r = await makeReport();
		expect(reportFileName(r)).toBe('secure-ai-academy-report-platform-team-2026-11-23.json');
		const greek = { ...r, assignment: { ...r.assignment, assigned: { ...spec, title: 'Ομάδα' } } };
		expect(reportFileName(greek)).toBe('secure-ai-academy-report-assignment-2026-11-23.json');
	});

	test('a learner without a name cannot make a report', async () => {
		await expect(makeReport('  ')).rejects.toThrow(/the name is empty/);
	});
});

describe('opening a report: bad files are refused with the reason', () => {
	const refused = async (text: string, words: RegExp, bytes?: number) => {
		const r = await openReport(text, bytes);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toMatch(words);
	};

	test('too large, not JSON, crafted, too deep', async () => {
		await refused('{}', /over the limit of 5.0 MB/, MAX_REPORT_BYTES + 1);
		await refused(
			'<html><script>alert(1)</script>',
			/This is a web page \(HTML\), not a learner’s report file/,
		);
		await refused('', /This is empty/);
		await refused('{"format": oops}', /not valid JSON/);
		await refused('{"format":"secure-ai-academy/report","__proto__":{"admin":true}}', /__proto__/);
		await refused(`${'['.repeat(5000)}${']'.repeat(5000)}`, /nested more than 16 levels/);
	});

	test('the wrong kind of file is named', async () => {
		await refused(
			encodeExport(progressWith(), '2026.11.1', '2026-11-23T00:00:00.000Z'),
			/progress export, not an assignment report/,
		);
		await refused(
			'{"format":"secure-ai-academy/evidence"}',
			/this is the evidence part of a certificate or report, not a learner’s report file/,
		);
		await refused('[1,2,3]', /not a Secure AI Academy assignment report/);
		await refused('"just a string"', /not a Secure AI Academy assignment report/);
	});

	test('versions: newer named, impossible refused', async () => {
		const r = await makeReport();
		await refused(
			JSON.stringify({ ...r, version: 2 }),
			/newer version of the site \(report format 2; this page reads format 1\)/,
		);
		await refused(JSON.stringify({ ...r, version: 0 }), /report format 0 is not one this site ever made/);
		await refused(JSON.stringify({ ...r, version: '1' }), /report format "1"/);
	});

	test('schema failures name the field', async () => {
		const r = await makeReport();
		await refused(JSON.stringify({ ...r, digest: 'abc' }), /digest/);
		await refused(JSON.stringify({ ...r, extra: 1 }), /Unrecognized key/i);
		const badName = { ...r, evidence: { ...r.evidence, learner: { name: 'Eve\u0007' } } };
		await refused(JSON.stringify(badName), /evidence\.learner\.name: the name contains control/);
		const badScore = structuredClone(r);
		(badScore.evidence.attempts[0] as { score: number }).score = 7;
		await refused(JSON.stringify(badScore), /evidence\.attempts\.0\.score/);
	});

	test('an edit that keeps the shape opens, but with digestMatches false', async () => {
		const r = structuredClone(await makeReport());
		(r.evidence.attempts[0] as { score: number }).score = 1;
		const opened = await openReport(JSON.stringify(r));
		expect(opened.ok && opened.digestMatches).toBe(false);
		const summaryEdit = { ...(await makeReport()), summary: 'All done!' };
		const o2 = await openReport(JSON.stringify(summaryEdit));
		expect(o2.ok && o2.digestMatches).toBe(false);
	});
});

describe('nesting depth is counted without parsing', () => {
	test('brackets in strings and escaped quotes are ignored', () => {
		expect(nestingDepth('{"a":[1,{"b":2}]}')).toBe(3);
		expect(nestingDepth('{"a":"[[[[{{{{"}')).toBe(1);
		expect(nestingDepth('{"a":"say \\"[[\\" ok","b":[]}')).toBe(2);
		expect(nestingDepth('1')).toBe(0);
	});

	test('stops counting once over the limit', () => {
		expect(nestingDepth('['.repeat(1_000_000), 16)).toBe(17);
	});
});
