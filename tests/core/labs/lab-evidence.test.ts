/**
 * Lab passes as checked evidence: evidence and reports carry the pass as stored; a verifier runs
 * the recorded code again (QuickJS in Node, the same engine as the browser's worker) against the
 * published suite and judges it: the reference passes, the starter fails, edited code is caught by
 * its digest, and a forged pass whose code is the starter fails the re-run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
	allStatuses,
	type CertificateCatalog,
	type CertificateStatus,
	factsFromProgress,
	labFactsFromProgress,
	labForCertificates,
	statusOf,
} from '../../../src/core/certificates/eligibility.ts';
import { issue } from '../../../src/core/certificates/issue.ts';
import { judge } from '../../../src/core/certificates/verdict.ts';
import type { LabEngine } from '../../../src/core/labs/engine.ts';
import type { LabPass } from '../../../src/core/labs/progress.ts';
import { createQuickJsEngine } from '../../../src/core/labs/quickjs-module.ts';
import { judgeLabPass, recheckLabPass, recheckLabPasses } from '../../../src/core/labs/recheck.ts';
import { sha256Hex } from '../../../src/core/labs/record.ts';
import { LabSuiteSchema, publishedSuite } from '../../../src/core/labs/suite.ts';
import {
	bankOf,
	chosenLabPass,
	collectEvidence,
	digestOf,
	type EvidenceLab,
	EvidenceSchema,
} from '../../../src/core/quiz/evidence.ts';
import { encodeReport, openReport, type Report } from '../../../src/core/teams/report.ts';
import {
	buildTeamView,
	checkReportFiles,
	mergeLearners,
	teamCsv,
} from '../../../src/core/teams/team-report.ts';
import { loadLabs } from '../../../src/lib/labs.ts';
import { catalog, makeReport, meta, progressWith, quizzes, redigest } from '../../fixtures/teams.ts';

const root = new URL('../../../', import.meta.url).pathname;
const { labs } = loadLabs(root);
/** The catalog fields a lab entry carries beyond what these tests vary (see core/catalog/projections.ts). */
const labEntry = { level: 'apprentice', minutes: 20, url: '/labs/x/' } as const;
const lab = (id: string) => {
	const l = labs.find((x) => x.data.id === id);
	if (!l) throw new Error(`no lab ${id}`);
	return l;
};
const md = lab('markdown-image-exfiltration');
const sql = lab('sql-from-model-output'); // TypeScript

let engine: LabEngine;
beforeAll(async () => {
	engine = await createQuickJsEngine();
});

async function pass(code: string, over: Partial<LabPass> = {}): Promise<LabPass> {
	return {
		at: '2026-11-22T10:00:00.000Z',
		revision: 1,
		code,
		digest: await sha256Hex(code),
		seed: 'abc12345',
		solutionShown: false,
		...over,
	};
}
const entry = async (l: typeof md, code: string, over: Partial<LabPass> = {}): Promise<EvidenceLab> => ({
	lab: l.data.id,
	...(await pass(code, over)),
});

describe('the published suite', () => {
	it('holds what the runner needs and not the reference, and reads back through its schema', () => {
		const s = publishedSuite(md);
		expect(s).toMatchObject({ format: 'secure-ai-academy/lab-suite', version: 1, id: md.data.id });
		expect(JSON.stringify(s)).not.toContain(md.reference.trim().slice(0, 200));
		const back = LabSuiteSchema.parse(JSON.parse(JSON.stringify(s)));
		expect(back).toEqual(s);
	});
});

describe('re-running a recorded pass', () => {
	it('the reference passes every case (JavaScript and TypeScript labs)', async () => {
		for (const l of [md, sql]) {
			const c = await recheckLabPass(await entry(l, l.reference), publishedSuite(l), engine);
			const total = l.functional.length + l.attacks.length;
			expect(c.status, c.message).toBe('passed');
			expect(c.cases?.total).toBeGreaterThanOrEqual(total);
			expect(c.message).toBe(`re-run: passed all ${c.cases?.total} cases`);
		}
	});

	it('a forged pass whose code is the starter fails the re-run, naming the attack that got through', async () => {
		const c = await recheckLabPass(await entry(md, md.starter), publishedSuite(md), engine);
		expect(c.status).toBe('failed');
		expect(c.message).toMatch(/^the recorded code lets “.+” through when re-run; \d+ of \d+ cases held$/);
		const titles = md.attacks.map((a) => a.title);
		expect(titles.some((t) => c.message.includes(`“${t}”`))).toBe(true);
	});

	it('code edited after the pass, keeping the old digest, is a digest mismatch (and is not run)', async () => {
		const e = await entry(md, md.reference);
		const edited = { ...e, code: `${e.code}\n// edited` };
		const c = await recheckLabPass(edited, publishedSuite(md), engine);
		expect(c.status).toBe('digest-mismatch');
		expect(c.message).toMatch(/does not match its digest/);
		expect(c.cases).toBeUndefined();
	});

	it('a pass on a revision no longer published cannot be re-checked, and says so', async () => {
		const c = await recheckLabPass(
			await entry(md, md.reference, { revision: 2 }),
			publishedSuite(md),
			engine,
		);
		expect(c.status).toBe('expired-revision');
		expect(c.message).toBe(
			'cannot be re-checked: revision 2 is no longer published (this site publishes revision 1)',
		);
	});

	it('an unknown lab is named', async () => {
		const e = { ...(await entry(md, md.reference)), lab: 'no-such-lab' };
		const [c] = await recheckLabPasses([e], async () => [], engine);
		expect(c?.status).toBe('unknown-lab');
		expect(c?.message).toMatch(/publishes no lab "no-such-lab"/);
	});

	it('code that breaks a legitimate case is named as breaking it', async () => {
		const refuse = `function ${md.data.entry}() { throw new Error('no'); }`;
		const c = await recheckLabPass(await entry(md, refuse), publishedSuite(md), engine);
		expect(c.status).toBe('failed');
		expect(c.message).toMatch(/^the recorded code breaks “.+” when re-run/);
	});

	it('judgeLabPass is pure: a run that did not pass is never called passed', () => {
		const e: EvidenceLab = {
			lab: md.data.id,
			at: '2026-11-22T10:00:00.000Z',
			revision: 1,
			code: 'x',
			digest: 'a'.repeat(64),
			seed: 's',
			solutionShown: false,
		};
		const suite = publishedSuite(md);
		const empty = {
			seed: 's',
			passed: true,
			functional: { passed: 0, total: 0 },
			attacks: { blocked: 0, total: 0 },
			results: [],
			ms: 0,
		};
		expect(judgeLabPass(e, { suite, codeDigest: 'a'.repeat(64), run: empty }).status).toBe('failed');
		expect(
			judgeLabPass(e, { suite, codeDigest: 'a'.repeat(64), error: 'the sandbox failed to start' }),
		).toMatchObject({
			status: 'not-run',
			message: 'could not be re-run: the sandbox failed to start',
		});
	});
});

describe('evidence carries lab passes', () => {
	it('one pass per lab: the first on the current revision without the solution shown', async () => {
		const older = await pass('a', { at: '2026-11-01T00:00:00.000Z', revision: 1 });
		const shown = await pass('b', { at: '2026-11-02T00:00:00.000Z', revision: 2, solutionShown: true });
		const own = await pass('c', { at: '2026-11-03T00:00:00.000Z', revision: 2 });
		const later = await pass('d', { at: '2026-11-04T00:00:00.000Z', revision: 2 });
		expect(chosenLabPass([later, own, shown, older], 2)).toEqual(own);
		expect(chosenLabPass([shown, older], 2)).toEqual(shown);
		expect(chosenLabPass([older], 2)).toEqual(older);
		expect(chosenLabPass([], 2)).toBeUndefined();
	});

	it('evidence without labs keeps its shape (and so its digest); with lab passes it carries them', async () => {
		const data = progressWith();
		const scope = { moduleIds: ['m1'], quizIds: ['q1'] };
		const before = collectEvidence(data, scope, meta('Zoë'));
		expect('labs' in before).toBe(false);
		const noPasses = collectEvidence(
			data,
			{ ...scope, labs: [{ id: md.data.id, revision: 1 }] },
			meta('Zoë'),
		);
		expect(await digestOf(noPasses)).toBe(await digestOf(before));
		const p = await pass(md.reference);
		const withLab = collectEvidence(
			{ ...data, labs: { [md.data.id]: { failedRuns: 0, passes: [p] } } },
			{ ...scope, labs: [{ id: md.data.id, revision: 1 }] },
			meta('Zoë'),
		);
		expect(withLab.labs).toEqual([{ lab: md.data.id, ...p }]);
		expect(EvidenceSchema.parse(withLab)).toEqual(withLab);
	});

	it('a report carries the passes of the labs of the assigned modules only', async () => {
		const p = await pass(md.reference);
		const data = {
			...progressWith(),
			labs: {
				'lab-of-m1': { failedRuns: 0, passes: [p] },
				'lab-of-m9': { failedRuns: 0, passes: [p] },
			},
		};
		const labCatalog = {
			...catalog,
			labs: [
				{ ...labEntry, id: 'lab-of-m1', title: 'Lab one', module: 'm1', revision: 1 },
				{ ...labEntry, id: 'lab-of-m9', title: 'Lab nine', module: 'm9', revision: 1 },
			],
		};
		const { buildReport } = await import('../../../src/core/teams/report.ts');
		const r = await buildReport({
			data,
			key: 'link-0123456789abcdef',
			stored: { assignment: (await makeReport()).assignment.assigned, source: 'link' },
			catalog: labCatalog,
			meta: meta('Zoë'),
		});
		expect(r.evidence.labs?.map((l) => l.lab)).toEqual(['lab-of-m1']);
		expect(r.summary).toContain('- lab-of-m1 (revision 1): passed 2026-11-22');
		const opened = await openReport(encodeReport(r));
		expect(opened.ok && opened.digestMatches).toBe(true);
	});

	it('bad lab entries are refused with a clear message', async () => {
		const r = await makeReport();
		const good = await entry(md, md.reference);
		const refusedWith = async (lab: unknown, words: RegExp) => {
			const bad = { ...r, evidence: { ...r.evidence, labs: [lab] } };
			const opened = await openReport(JSON.stringify(bad));
			expect(opened.ok).toBe(false);
			if (!opened.ok) expect(opened.message).toMatch(words);
		};
		await refusedWith({ ...good, code: 'x'.repeat(50_001) }, /code is longer than 50,000 characters/);
		await refusedWith({ ...good, digest: 'ABC' }, /digest must be 64 lower-case hex digits/);
		await refusedWith({ ...good, lab: '../etc' }, /evidence\.labs\.0\.lab: a lab id is lower-case words/);
	});
});

describe('the team report runs lab passes again', () => {
	const labCatalog = {
		...catalog,
		labs: [{ ...labEntry, id: md.data.id, title: md.data.title, module: 'm1', revision: md.data.revision }],
	};
	const reportWith = async (name: string, code: string, over: Partial<LabPass> = {}) => {
		const { buildReport } = await import('../../../src/core/teams/report.ts');
		return buildReport({
			data: {
				...progressWith(),
				labs: { [md.data.id]: { failedRuns: 0, passes: [await pass(code, over)] } },
			},
			key: 'link-0123456789abcdef',
			stored: { assignment: (await makeReport()).assignment.assigned, source: 'link' },
			catalog: labCatalog,
			meta: meta(name),
		});
	};
	const asFile = (name: string, r: Report) => {
		const text = encodeReport(r);
		return { name, size: text.length, text: async () => text };
	};
	const checkLabs = (entries: EvidenceLab[], onProgress: (d: number, t: number) => void) =>
		recheckLabPasses(
			entries,
			async (ids) => [publishedSuite(md)].filter((s) => ids.includes(s.id)),
			engine,
			onProgress,
		);

	it('passed, forged (edited code with fixed-up digests) and solution-shown passes each show as such, in the table and the CSV', async () => {
		const good = await reportWith('Ann', md.reference);
		const shown = await reportWith('Bob', md.reference, { solutionShown: true });
		// A careful forger: the starter as "passing" code, with its own digest, and the report re-digested.
		const forged = await redigest(await reportWith('Cat', md.starter));
		const progress: number[] = [];
		const results = await checkReportFiles(
			[asFile('ann.json', good), asFile('bob.json', shown), asFile('cat.json', forged)],
			{
				loadQuizzes: async (ids) => quizzes.filter((q) => ids.includes(q.id)),
				checkLabs,
				onLabProgress: (d) => progress.push(d),
			},
		);
		// Ann's and Bob's passes are the same code and seed: run once.
		expect(progress).toEqual([1, 2]);
		expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'flagged']);
		expect(results[2]?.notes.map((n) => n.text).join('\n')).toMatch(/lets “.+” through when re-run/);
		const view = buildTeamView(mergeLearners(results), labCatalog, '2026-11-25');
		expect(view.labColumns.map((l) => l.id)).toEqual([md.data.id]);
		expect(view.rows.map((r) => [r.name, r.labs[0]?.status])).toEqual([
			['Ann', 'passed'],
			['Bob', 'passed-with-solution'],
			['Cat', 're-run-failed'],
		]);
		const csv = teamCsv(view, view.rows, results);
		expect(csv).toContain(`Ann,Platform team,${md.data.id},`);
		expect(csv).toMatch(/Cat,Platform team,markdown-image-exfiltration,[^\n]*Re-run failed/);
	});

	it('a pass on an older revision is reported honestly, and without a sandbox passes are "not checked"', async () => {
		const old = await reportWith('Dan', md.reference, { revision: 0 + md.data.revision + 1 });
		const [r] = await checkReportFiles([asFile('dan.json', old)], {
			loadQuizzes: async () => quizzes,
			checkLabs,
		});
		// The report carries the latest pass, even on another revision.
		expect(r?.labChecks?.[0]?.status).toBe('expired-revision');
		expect(r?.notes.map((n) => n.text).join('\n')).toMatch(/revision 2 is no longer published/);
		const [plain] = await checkReportFiles([asFile('dan.json', old)], { loadQuizzes: async () => quizzes });
		expect(plain?.labChecks?.[0]).toMatchObject({ status: 'not-run', message: 'not run again here' });
	});
});

describe('practitioner certificates (THE RULE in eligibility.ts)', () => {
	const certCatalog: CertificateCatalog = {
		principles: [{ number: 1, title: 'Raise awareness', provisions: [{ id: '2.2', title: 'x' }] }],
		modules: [
			{ id: 'sc02-output-handling', title: 'Output handling', track: 'secure-coding', principles: [] },
			{ id: 'p01-awareness', title: 'Awareness', track: 'principles', principles: [1] },
		],
		labs: [md, sql].map((l) => labForCertificates(l.data)),
		trackTitles: { 'secure-coding': 'AI secure coding' },
	};
	const site = {
		name: 'Secure AI Academy',
		url: 'http://127.0.0.1:4321/',
		organisation: 'Example Org',
		signatory: undefined,
		contentVersion: '2026.11.1',
		base: '/',
	};
	const ID = 'practitioner-secure-coding';
	const progressWithLabs = async (over: Partial<LabPass> = {}) => ({
		...progressWith(),
		learnerName: 'Zoë',
		labs: {
			[md.data.id]: {
				failedRuns: 0,
				passes: [await pass(md.reference, { at: '2026-11-20T10:00:00.000Z' })],
			},
			[sql.data.id]: {
				failedRuns: 0,
				passes: [await pass(sql.reference, { at: '2026-11-22T10:00:00.000Z', ...over })],
			},
		},
	});
	const ctx = (withLabs = true) => ({
		catalog: certCatalog,
		organisation: site.organisation,
		bankFor: () => bankOf([]),
		...(withLabs
			? {
					checkLabs: (entries: EvidenceLab[]) =>
						recheckLabPasses(entries, async () => [md, sql].map(publishedSuite), engine),
				}
			: {}),
	});

	it('is earned when every lab of the track passed without the solution shown, dated by the last first pass', async () => {
		const data = await progressWithLabs();
		const status = allStatuses(certCatalog, data).find((s) => s.id === ID);
		expect(status).toMatchObject({
			earned: true,
			earnedAt: '2026-11-22T10:00:00.000Z',
			score: 1,
			track: 'secure-coding',
		});
		expect(status?.title).toBe('Practitioner: AI secure coding');
		// The labs practise 2.2 and 9.4.1; only provisions this catalog holds are named, in its order.
		expect(status?.provisions).toEqual(['2.2']);
		// Tracks without labs get no practitioner certificate.
		expect(allStatuses(certCatalog, data).map((s) => s.id)).not.toContain('practitioner-principles');
	});

	it('a pass with the solution shown does not count, and the progress says which lab is left', async () => {
		const data = await progressWithLabs({ solutionShown: true });
		const status = statusOf(certCatalog, ID, factsFromProgress(data), labFactsFromProgress(data));
		expect(status?.earned).toBe(false);
		expect(status?.labs?.filter((l) => l.done)).toHaveLength(1);
		expect(status?.remaining).toEqual([`Pass the lab “${sql.data.title}” without showing the solution`]);
	});

	it('its credential carries the track title and criteria, holds only the lab passes, and verifies by re-running them', async () => {
		const data = await progressWithLabs();
		const status = allStatuses(certCatalog, data).find((s) => s.id === ID) as CertificateStatus;
		const issued = await issue(certCatalog, ID, status, data, 'Zoë', site);
		if (!issued) throw new Error('not issued');
		const c = issued.credential;
		expect(c.credentialSubject.achievement.name).toBe('Practitioner: AI secure coding');
		expect(c.credentialSubject.achievement.id).toBe(
			'http://127.0.0.1:4321/certificates/practitioner-secure-coding/',
		);
		expect(c.credentialSubject.achievement.criteria.narrative).toMatch(
			/without the reference solution shown/,
		);
		expect(issued.record.evidence.attempts).toEqual([]);
		expect(issued.record.evidence.labs?.map((l) => l.lab)).toEqual([md.data.id, sql.data.id]);
		// Judged as what it is: self-issued by the key (did:jwk) the certificate page signed it with.
		const holder = { form: 'self-issued' as const, did: issued.did };
		const verdict = await judge(JSON.parse(JSON.stringify(c)), { ...ctx(), holder });
		expect(verdict.kind === 'checked' && verdict.problems).toEqual([]);
		expect(verdict.kind === 'checked' && verdict.check.labs.map((l) => l.status)).toEqual([
			'passed',
			'passed',
		]);
		// Without a sandbox to re-run them, the passes are not trusted.
		const unchecked = await judge(JSON.parse(JSON.stringify(c)), { ...ctx(false), holder });
		expect(unchecked.kind === 'checked' && unchecked.valid).toBe(false);
		expect(unchecked.kind === 'checked' && unchecked.problems.join('\n')).toMatch(
			/not checked, because it was not run again here/,
		);
	});

	it('a forged record (starter code, digests fixed up) is not valid, and says what got through', async () => {
		const data = await progressWithLabs();
		const status = allStatuses(certCatalog, data).find((s) => s.id === ID) as CertificateStatus;
		const issued = await issue(certCatalog, ID, status, data, 'Zoë', site);
		if (!issued) throw new Error('not issued');
		const labs = await Promise.all(
			(issued.record.evidence.labs ?? []).map(async (l) =>
				l.lab === md.data.id ? { ...l, code: md.starter, digest: await sha256Hex(md.starter) } : l,
			),
		);
		const forged = { ...issued.record, evidence: { ...issued.record.evidence, labs } };
		const verdict = await judge(forged, ctx());
		expect(verdict.kind === 'checked' && verdict.valid).toBe(false);
		const text = verdict.kind === 'checked' ? verdict.problems.join('\n') : '';
		expect(text).toMatch(/Lab “.+” \(revision 1\): the recorded code lets “.+” through when re-run/);
		expect(text).toMatch(/Pass the lab/);
	});
});
