import { describe, expect, test, vi } from 'vitest';
import { withModuleVisit } from '../../../src/core/progress/progress.ts';
import { emptyProgress } from '../../../src/core/progress/stats.ts';
import { csvCell, toCsv } from '../../../src/core/teams/csv.ts';
import { buildReport, encodeReport, type Report } from '../../../src/core/teams/report.ts';
import {
	buildTeamView,
	cellStatus,
	checkReportFiles,
	coverageCsv,
	type FileResult,
	learnerKey,
	MAX_REPORT_FILES,
	mergeLearners,
	queryRows,
	type ReportSource,
	type RowQuery,
	teamCsv,
} from '../../../src/core/teams/team-report.ts';
import { attempt, catalog, makeReport, meta, progressWith, quizzes, redigest } from '../../fixtures/teams.ts';

const file = (name: string, text: string): ReportSource => ({
	name,
	size: new TextEncoder().encode(text).length,
	text: async () => text,
});
const reportFile = (name: string, r: Report) => file(name, encodeReport(r));
const loadQuizzes = vi.fn(async (ids: string[]) => quizzes.filter((q) => ids.includes(q.id)));
const check = (sources: ReportSource[]) =>
	checkReportFiles(sources, { loadQuizzes, siteUrl: 'http://127.0.0.1:4321/' });
const byName = (results: FileResult[], name: string) => results.find((r) => r.name === name) as FileResult;
const texts = (r: FileResult) => r.notes.map((n) => n.text).join('\n');

describe('checking report files', () => {
	test('a good report is accepted, re-scored and counted', async () => {
		loadQuizzes.mockClear();
		const [r] = await check([reportFile('zoe.json', await makeReport())]);
		expect(r?.status).toBe('accepted');
		expect(r?.notes).toEqual([]);
		expect(r?.checks?.map((c) => c.status)).toEqual(['consistent', 'consistent']);
		expect(r?.counted).toHaveLength(2);
		expect(loadQuizzes).toHaveBeenCalledTimes(1);
		expect(loadQuizzes).toHaveBeenCalledWith(['q1']);
	});

	test('an edited file (digest mismatch) is marked tampered and not counted', async () => {
		const r = structuredClone(await makeReport());
		(r.evidence.attempts[0] as { score: number; passed: boolean }).score = 1;
		const [res] = await check([reportFile('edited.json', r)]);
		expect(res?.status).toBe('tampered');
		expect(texts(res as FileResult)).toMatch(/Tampered: the file was changed after the site made it/);
		expect(res?.counted).toBeUndefined();
		expect(mergeLearners(res ? [res] : [])).toEqual([]);
	});

	test('a re-digested forgery is caught by re-scoring: flagged, the forged attempt not counted', async () => {
		const r = structuredClone(await makeReport());
		const failed = r.evidence.attempts[0] as { score: number; passed: boolean; id: string };
		failed.score = 1;
		failed.passed = true;
		const res = (await check([reportFile('forged.json', await redigest(r))]))[0] as FileResult;
		expect(res.status).toBe('flagged');
		expect(texts(res)).toMatch(
			new RegExp(
				`Attempt ${failed.id} \\(q1, revision 1\\): the answers score 25% \\(fail\\), but the record claims 100% \\(pass\\)\\. Not counted\\.`,
			),
		);
		expect(res.counted?.map((a) => a.id)).not.toContain(failed.id);
		expect(res.counted).toHaveLength(1);
	});

	test('questions swapped (draw mismatch) and impossible dates are flagged', async () => {
		const r = structuredClone(await makeReport());
		const a = r.evidence.attempts[1] as { questionIds: string[] };
		a.questionIds = [...a.questionIds].reverse();
		const res = (await check([reportFile('swapped.json', await redigest(r))]))[0] as FileResult;
		expect(res.status).toBe('flagged');
		expect(texts(res)).toMatch(/not the ones this attempt’s seed draws/);

		const late = structuredClone(await makeReport());
		(late.evidence.attempts[1] as { submittedAt: string }).submittedAt = '2027-01-01T00:00:00.000Z';
		const res2 = (await check([reportFile('late.json', await redigest(late))]))[0] as FileResult;
		expect(res2.status).toBe('flagged');
		expect(texts(res2)).toMatch(/Dated after the report was made/);
		expect(res2.counted).toHaveLength(1);
	});

	test('attempts on a quiz the bank does not hold are noted, not counted, and not called tampering', async () => {
		const data = { ...emptyProgress(), attempts: [attempt('q2', '2026-11-21T10:00:00.000Z')] };
		const r = await makeReport('Ann', data);
		const res = (
			await checkReportFiles([reportFile('ann.json', r)], { loadQuizzes: async () => [] })
		)[0] as FileResult;
		expect(res.status).toBe('accepted');
		expect(res.notes).toEqual([
			expect.objectContaining({ tone: 'warn', text: expect.stringMatching(/not in this site's quiz bank/) }),
		]);
		expect(res.counted).toEqual([]);
	});

	test('hostile files: not JSON, huge (never read), deep, __proto__, wrong format', async () => {
		const huge: ReportSource = {
			name: 'huge.json',
			size: 50 * 1024 * 1024,
			text: () => Promise.reject(new Error('a huge file must not be read')),
		};
		const results = await check([
			file('notes.txt', 'Dear manager, I did it all.'),
			huge,
			file('deep.json', `${'{"a":'.repeat(100)}1${'}'.repeat(100)}`),
			file('proto.json', '{"__proto__":{"polluted":true}}'),
			file('cert.json', '{"format":"secure-ai-academy/evidence","version":1}'),
		]);
		expect(results.map((r) => r.status)).toEqual([
			'rejected',
			'rejected',
			'rejected',
			'rejected',
			'rejected',
		]);
		expect(texts(byName(results, 'notes.txt'))).toMatch(/This is plain text, not a learner’s report file/);
		expect(texts(byName(results, 'huge.json'))).toMatch(/Rejected unread: it is 50.0 MB/);
		expect(texts(byName(results, 'deep.json'))).toMatch(/nested more than/);
		expect(texts(byName(results, 'proto.json'))).toMatch(/__proto__/);
		expect(texts(byName(results, 'cert.json'))).toMatch(
			/this is the evidence part of a certificate or report/,
		);
		expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
	});

	test('formula and HTML in names are neutralised with a per-file note', async () => {
		const formula = await makeReport('=HYPERLINK("http://evil.example","Click")');
		const html = await makeReport('<img src=x onerror=alert(1)>');
		const results = await check([reportFile('f.json', formula), reportFile('h.json', html)]);
		expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
		expect(texts(byName(results, 'f.json'))).toMatch(
			/starts with “=”, which a spreadsheet would run as a formula/,
		);
		expect(texts(byName(results, 'h.json'))).toMatch(/contains “<” or “>” \(HTML markup\)/);
	});

	test('the same report twice counts once; another site gets a note', async () => {
		const r = await makeReport();
		const other = await makeReport('Sam');
		const moved = await redigest({
			...other,
			evidence: { ...other.evidence, site: { name: 'X', url: 'https://elsewhere.example/' } },
		});
		const results = await check([
			reportFile('a.json', r),
			reportFile('copy of a.json', r),
			reportFile('sam.json', moved),
		]);
		expect(results.map((x) => x.status)).toEqual(['accepted', 'duplicate', 'accepted']);
		expect(texts(byName(results, 'copy of a.json'))).toBe('The same report as “a.json”: counted once.');
		expect(texts(byName(results, 'sam.json'))).toMatch(
			/another copy of the site \(https:\/\/elsewhere.example\/\)/,
		);
		expect(mergeLearners(results).map((l) => l.files)).toEqual([['a.json'], ['sam.json']]);
	});

	test('two files that disagree about one attempt are both flagged, and that attempt is not counted', async () => {
		const r = await makeReport('Kim');
		const edited = structuredClone(r);
		(edited.evidence.attempts[1] as { startedAt: string }).startedAt = '2026-11-21T09:59:00.000Z';
		edited.evidence.createdAt = '2026-11-24T00:00:00.000Z';
		const results = await check([reportFile('one.json', r), reportFile('two.json', await redigest(edited))]);
		expect(results.map((x) => x.status)).toEqual(['flagged', 'flagged']);
		const id = r.evidence.attempts[1]?.id as string;
		expect(texts(byName(results, 'one.json'))).toContain(`Attempt ${id} differs from the copy in “two.json”`);
		for (const x of results) expect(x.counted?.map((a) => a.id)).not.toContain(id);
	});

	test(`at most ${MAX_REPORT_FILES} files are read; progress is reported for each`, async () => {
		const onProgress = vi.fn();
		const sources = Array.from({ length: MAX_REPORT_FILES + 2 }, (_, i) => file(`f${i}.json`, '{}'));
		const results = await checkReportFiles(sources, { loadQuizzes, onProgress });
		expect(results.at(-1)?.notes[0]?.text).toMatch(/at most 2,000 files are read at once/);
		expect(results.at(-3)?.notes[0]?.text).toMatch(/not a Secure AI Academy assignment report/);
		expect(onProgress).toHaveBeenCalledTimes(MAX_REPORT_FILES + 2);
		expect(onProgress).toHaveBeenLastCalledWith(MAX_REPORT_FILES + 2, MAX_REPORT_FILES + 2);
	});
});

describe('merging learners', () => {
	test('reports from one person (name spelled with other spaces or case) merge losslessly', async () => {
		const early = await makeReport('Ada Lovelace', progressWith(), '2026-11-22T00:00:00.000Z');
		let data = {
			...emptyProgress(),
			attempts: [attempt('q2', '2026-11-25T10:00:00.000Z')],
		};
		data = withModuleVisit(data, 'm1', '2026-11-24T09:00:00.000Z', true);
		const later = await makeReport('  ADA   lovelace ', data, '2026-11-26T00:00:00.000Z');
		const results = await check([reportFile('later.json', later), reportFile('early.json', early)]);
		const learners = mergeLearners(results);
		expect(learners).toHaveLength(1);
		const [ada] = learners;
		expect(ada?.key).toBe('ada lovelace');
		expect(ada?.name).toBe('ADA   lovelace'.trim());
		expect(ada?.files).toEqual(['early.json', 'later.json']);
		expect(ada?.data.attempts.map((a) => a.quizId)).toEqual(['q1', 'q1', 'q2']);
		// The earliest read mark is kept.
		expect(ada?.data.modules.m1?.completedAt).toBe('2026-11-21T09:00:00.000Z');
		expect(learnerKey('Zoë')).toBe(learnerKey('ZOË'));
	});
});

describe('the team view', () => {
	async function view(today = '2026-12-01') {
		const zoe = await makeReport('Zoë'); // m1 passed; due 2026-12-31
		const lateSpec = { title: 'Catch-up', due: '2026-11-01', items: [{ module: 'm1' }, { module: 'm2' }] };
		const kim = await buildReport({
			data: { ...emptyProgress(), attempts: [attempt('q1', '2026-11-05T10:00:00.000Z')] },
			key: 'site-catch-up',
			stored: { assignment: lateSpec, source: 'site' },
			catalog,
			meta: meta('Kim'),
		});
		const results = await check([reportFile('zoe.json', zoe), reportFile('kim.json', kim)]);
		return buildTeamView(mergeLearners(results), catalog, today);
	}

	test('columns, cells, overdue and late', async () => {
		const v = await view();
		expect(v.columns.map((c) => c.id)).toEqual(['m1', 'm2', 'm3']);
		const zoe = v.rows.find((r) => r.name === 'Zoë');
		const kim = v.rows.find((r) => r.name === 'Kim');
		expect(zoe?.cells.map(cellStatus)).toEqual(['Completed', 'Not started', 'Not started']);
		expect(zoe?.cells[0]).toMatchObject({
			score: 1,
			due: '2026-12-31',
			passedAt: '2026-11-21T10:00:00.000Z',
		});
		expect(kim?.cells.map(cellStatus)).toEqual(['Completed late', 'Overdue (not started)', 'Not assigned']);
		expect(kim).toMatchObject({ assigned: 2, completed: 1, overdue: 1 });
		expect(zoe).toMatchObject({ assigned: 3, completed: 1, overdue: 0 });
		// On the due day itself nothing is overdue yet; the day after, it is.
		const onDay = await view('2026-12-31');
		expect(onDay.rows.find((r) => r.name === 'Zoë')?.overdue).toBe(0);
		const after = await view('2027-01-01');
		expect(after.rows.find((r) => r.name === 'Zoë')?.overdue).toBe(2);
	});

	test('totals per module and provision coverage', async () => {
		const v = await view();
		expect(v.totals).toEqual([
			{ moduleId: 'm1', assigned: 2, completed: 2, inProgress: 0, overdue: 0, averageScore: 1 },
			{ moduleId: 'm2', assigned: 2, completed: 0, inProgress: 0, overdue: 1, averageScore: undefined },
			{ moduleId: 'm3', assigned: 1, completed: 0, inProgress: 0, overdue: 0, averageScore: undefined },
		]);
		expect(v.provisions).toEqual([
			{ id: '1.1', title: 'Training', principle: 1, learners: 2 },
			{ id: '1.1.1', title: 'Role-tailored', principle: 1, learners: 2 },
			{ id: '2.1', title: 'Assess first', principle: 2, learners: 0 },
		]);
		expect(v.assignments.map((a) => a.title)).toEqual(['Catch-up', 'Platform team']);
	});

	test('a module this site does not publish is listed, not guessed', async () => {
		const r = await makeReport();
		const odd = await redigest({
			...r,
			assignment: { ...r.assignment, modules: [...r.assignment.modules, 'gone-module'] },
		});
		const v = buildTeamView(mergeLearners(await check([reportFile('odd.json', odd)])), catalog, '2026-12-01');
		expect(v.unknownModules).toEqual(['gone-module']);
		expect(v.columns.map((c) => c.id)).toEqual(['m1', 'm2', 'm3']);
	});

	test('filtering and sorting', async () => {
		const v = await view();
		const q = (over: Partial<RowQuery>) =>
			queryRows(v.rows, {
				text: '',
				show: 'all',
				assignment: '',
				sort: 'name',
				descending: false,
				...over,
			}).map((r) => r.name);
		expect(q({})).toEqual(['Kim', 'Zoë']);
		expect(q({ descending: true })).toEqual(['Zoë', 'Kim']);
		expect(q({ text: 'xyz' })).toEqual([]);
		expect(q({ text: 'zo' })).toEqual(['Zoë']);
		expect(q({ text: 'ZOË' })).toEqual(['Zoë']);
		expect(q({ show: 'overdue' })).toEqual(['Kim']);
		expect(q({ show: 'complete' })).toEqual([]);
		expect(q({ show: 'incomplete' })).toEqual(['Kim', 'Zoë']);
		expect(q({ assignment: 'site-catch-up' })).toEqual(['Kim']);
		expect(q({ sort: 'completed', descending: true })).toEqual(['Kim', 'Zoë']);
		expect(q({ sort: 'overdue' })).toEqual(['Zoë', 'Kim']);
	});

	test('CSV: one line per learner and assigned module, with formula injection neutralised', async () => {
		const v = await view();
		const csv = teamCsv(
			v,
			queryRows(v.rows, { text: '', show: 'all', assignment: '', sort: 'name', descending: false }),
		);
		const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(lines[0]).toBe(
			'Learner,Assignments,Module id,Module,Status,Best score (%),Passed on,Due,Overdue,Report files,File status,Reason',
		);
		// Without the file results, the file status is left empty rather than guessed.
		expect(lines.slice(1, -1)).toEqual([
			'Kim,Catch-up,m1,Module one,Completed late,100,2026-11-05,2026-11-01,no,kim.json,,',
			'Kim,Catch-up,m2,Module two,Overdue (not started),,,2026-11-01,yes,kim.json,,',
			'Zoë,Platform team,m1,Module one,Completed,100,2026-11-21,2026-12-31,no,zoe.json,,',
			'Zoë,Platform team,m2,Module two,Not started,,,2026-12-31,no,zoe.json,,',
			'Zoë,Platform team,m3,Module three,Not started,,,2026-12-31,no,zoe.json,,',
		]);
		expect(lines.at(-1)).toBe('');
		const cov = coverageCsv(v, v.rows)
			.replace(/^\uFEFF/, '')
			.split('\r\n');
		expect(cov[0]).toBe('Learner,Provisions trained (of 3),1.1,1.1.1,2.1');
		expect(cov).toContain('Kim,2,yes,yes,no');
	});

	test('a hostile learner name stays text in the CSV', async () => {
		const r = await makeReport('=HYPERLINK("http://evil.example","Click")');
		const v = buildTeamView(mergeLearners(await check([reportFile('x.json', r)])), catalog, '2026-12-01');
		const line = teamCsv(v, v.rows).split('\r\n')[1] as string;
		expect(line.startsWith(`"'=HYPERLINK(""http://evil.example"",""Click"")",Platform team,m1`)).toBe(true);
	});
});

describe('CSV cells', () => {
	test('cells a spreadsheet would run get an apostrophe', () => {
		for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tcmd', '\rcmd']) {
			expect(csvCell(s).replace(/^"/, '').startsWith(`'${s[0]}`)).toBe(true);
		}
		expect(csvCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
		expect(csvCell('Ada = Lovelace')).toBe('Ada = Lovelace');
	});

	test('RFC 4180 quoting for commas, quotes and line breaks', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		expect(csvCell('\rcmd')).toBe('"\'\rcmd"');
		expect(csvCell('plain')).toBe('plain');
	});

	test('numbers, booleans and blanks', () => {
		expect(csvCell(-5)).toBe('-5');
		expect(csvCell(0.5)).toBe('0.5');
		expect(csvCell(Number.NaN)).toBe('');
		expect(csvCell(true)).toBe('yes');
		expect(csvCell(undefined)).toBe('');
		expect(
			toCsv([
				['a', 1],
				['b,c', undefined],
			]),
		).toBe('\uFEFFa,1\r\n"b,c",\r\n');
	});
});
