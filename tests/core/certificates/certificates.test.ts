import { describe, expect, test } from 'vitest';
import {
	buildCredential,
	openCredential,
	parseRecord,
	recordLinkFragment,
} from '../../../src/core/certificates/credential.ts';
import {
	allStatuses,
	type CertificateCatalog,
	certificateIdOf,
	credentialUrnOf,
	scopeOf,
} from '../../../src/core/certificates/eligibility.ts';
import { minimalAttempts } from '../../../src/core/certificates/issue.ts';
import {
	type CertificateRecord,
	certificateRecord,
	checkRecord,
} from '../../../src/core/certificates/record.ts';
import { describeAchievement } from '../../../src/core/certificates/site.ts';
import { judge, NON_CLAIM_FIELDS } from '../../../src/core/certificates/verdict.ts';
import { packForLink, unpackFromLink } from '../../../src/core/envelope/link-codec.ts';
import {
	type Attempt,
	type ProgressData,
	withLearnerName,
	withModuleVisit,
} from '../../../src/core/progress/progress.ts';
import { refusalText, screenAttempts } from '../../../src/core/progress/screen.ts';
import { emptyProgress } from '../../../src/core/progress/stats.ts';
import { drawQuestions } from '../../../src/core/quiz/attempt.ts';
import {
	bankOf,
	canonicalJson,
	collectEvidence,
	digestOf,
	rescoreAttempt,
} from '../../../src/core/quiz/evidence.ts';
import { QuizSchema } from '../../../src/schemas/quiz.ts';
import { validQuiz } from '../../fixtures/content.ts';

// A small world: 13 principles, each with one required module and quiz (ids q01..q13).
const base = QuizSchema.parse({ ...validQuiz(), draw: 4 });
const quizzes = Array.from({ length: 13 }, (_, i) => ({ ...base, id: `q${String(i + 1).padStart(2, '0')}` }));
const bank = bankOf(quizzes);
const catalog: CertificateCatalog = {
	principles: Array.from({ length: 13 }, (_, i) => ({
		number: i + 1,
		title: `Title ${i + 1}`,
		provisions: [{ id: `${i + 1}.1`, title: 'A provision' }],
	})),
	modules: [
		...quizzes.map((q, i) => ({
			id: `m${String(i + 1).padStart(2, '0')}`,
			title: `Module ${i + 1}`,
			track: 'principles',
			principles: [i + 1],
			quiz: { id: q.id, revision: 1 },
		})),
		// Another track touching principle 1: recommended, never required.
		{
			id: 'sc-x',
			title: 'Secure coding',
			track: 'secure-coding',
			principles: [1],
			quiz: { id: 'qx', revision: 1 },
		},
	],
};
const perfect: Record<string, unknown> = {
	'q-single': { choice: 'a' },
	'q-multiple': { choices: ['a', 'b'] },
	'q-tf': { value: true },
	'q-order': { order: ['a', 'b', 'c'] },
	'q-spot': { lines: [2] },
};

let counter = 0;
function attempt(
	quizId: string,
	at: string,
	opts: { wrong?: number; revision?: number; mode?: 'practice' } = {},
): Attempt {
	const seed = `s${counter}`;
	const questionIds = drawQuestions({ ...base, id: quizId }, seed).questionIds;
	const answers: Record<string, unknown> = {};
	questionIds.forEach((id, i) => {
		answers[id] = i < (opts.wrong ?? 0) ? { choice: 'zzz' } : perfect[id];
	});
	const right = questionIds.length - (opts.wrong ?? 0);
	const score = right / questionIds.length;
	return {
		id: `a${counter++}`,
		quizId,
		revision: opts.revision ?? 1,
		mode: opts.mode ?? 'assessment',
		seed,
		questionIds,
		answers,
		score,
		passed: score >= 0.8,
		startedAt: at,
		submittedAt: at,
	};
}

function withAttempts(data: ProgressData, ...attempts: Attempt[]): ProgressData {
	return { ...data, attempts: [...data.attempts, ...attempts] };
}
const read = (data: ProgressData, id: string, at: string) => withModuleVisit(data, id, at, true);

const T1 = '2026-11-01T10:00:00.000Z';
const T2 = '2026-11-02T10:00:00.000Z';
const T3 = '2026-11-03T10:00:00.000Z';

describe('eligibility (the rule in src/core/certificates/eligibility.ts)', () => {
	test('nothing done: nothing earned, and what is left is spelled out', () => {
		const s = allStatuses(catalog, emptyProgress());
		expect(s).toHaveLength(14);
		expect(s.every((x) => !x.earned)).toBe(true);
		expect(s[0]?.remaining).toEqual(['Mark “Module 1” as read', 'Pass the assessment of “Module 1”']);
		expect(s[13]?.id).toBe('capstone');
		expect(s[13]?.remaining).toHaveLength(13);
	});
	test('passing the assessment without marking the module read does not earn it', () => {
		const s = allStatuses(catalog, withAttempts(emptyProgress(), attempt('q01', T1)))[0];
		expect(s?.earned).toBe(false);
		expect(s?.remaining).toEqual(['Mark “Module 1” as read']);
	});
	test('reading without passing does not earn it; failing and practice attempts do not count', () => {
		const data = withAttempts(
			read(emptyProgress(), 'm01', T1),
			attempt('q01', T2, { wrong: 2 }),
			attempt('q01', T2, { mode: 'practice' }),
		);
		expect(allStatuses(catalog, data)[0]?.earned).toBe(false);
	});
	test('a pass on an older quiz revision does not count', () => {
		const data = withAttempts(read(emptyProgress(), 'm01', T1), attempt('q01', T2, { revision: 0 + 2 }));
		const c2 = {
			...catalog,
			modules: catalog.modules.map((m) => (m.id === 'm01' ? { ...m, quiz: { id: 'q01', revision: 3 } } : m)),
		};
		expect(allStatuses(c2, data)[0]?.earned).toBe(false);
	});
	test('read + passed earns it, dated when the last requirement was met, scored by the best pass', () => {
		const data = withAttempts(
			read(emptyProgress(), 'm01', T3),
			attempt('q01', T1, { wrong: 0 }),
			attempt('q01', T2),
		);
		const s = allStatuses(catalog, data)[0];
		expect(s).toMatchObject({ earned: true, earnedAt: T3, score: 1, remaining: [], provisions: ['1.1'] });
		expect(allStatuses(catalog, data)[1]?.earned).toBe(false);
	});
	test('modules of other tracks are never required', () => {
		expect(scopeOf(catalog, 'p01')).toEqual({ moduleIds: ['m01'], quizIds: ['q01'], labs: [] });
	});
	test('the capstone needs all 13, dated by the last one, scored by the mean', () => {
		let data = emptyProgress();
		for (let i = 1; i <= 12; i++) {
			const id = String(i).padStart(2, '0');
			data = withAttempts(read(data, `m${id}`, T1), attempt(`q${id}`, T1));
		}
		expect(allStatuses(catalog, data)[13]?.earned).toBe(false);
		data = withAttempts(read(data, 'm13', T2), attempt('q13', T3, { wrong: 0 }));
		const cap = allStatuses(catalog, data)[13];
		expect(cap).toMatchObject({ earned: true, earnedAt: T3, score: 1 });
		expect(cap?.provisions).toHaveLength(13);
	});
});

async function earnedRecord(name = 'Αλέξανδρος Παπαδόπουλος'): Promise<CertificateRecord> {
	let data = withLearnerName(emptyProgress(), name);
	data = withAttempts(
		read(data, 'm01', T1),
		attempt('q01', T2, { wrong: 0 }),
		attempt('q01', T1, { wrong: 3 }),
	);
	const status = allStatuses(catalog, data)[0];
	if (!status) throw new Error('no status');
	const evidence = collectEvidence(data, scopeOf(catalog, 'p01'), {
		site: { name: 'Academy', url: 'https://academy.example.org/' },
		contentVersion: '2026.11.1',
		learnerName: data.learnerName ?? '',
		now: T3,
	});
	const record = certificateRecord(status, evidence);
	if (!record) throw new Error('not earned');
	return record;
}

describe('evidence and digests', () => {
	test('evidence holds the scope only: read marks and assessment attempts', async () => {
		const r = await earnedRecord();
		expect(r.evidence.modules).toEqual([{ id: 'm01', readAt: T1 }]);
		expect(r.evidence.attempts.map((a) => a.quizId)).toEqual(['q01', 'q01']);
	});
	test('the digest ignores key order but changes with any value', async () => {
		const r = await earnedRecord();
		const reordered = JSON.parse(JSON.stringify({ evidence: r.evidence, claim: r.claim }));
		expect(await digestOf(reordered)).toBe(await digestOf(r));
		expect(await digestOf(r)).toMatch(/^[0-9a-f]{64}$/);
		const changed = { ...r, evidence: { ...r.evidence, learner: { name: 'Αλέξανδρος Παπαδοπουλος' } } };
		expect(await digestOf(changed)).not.toBe(await digestOf(r));
	});
	test('a known value has a known SHA-256 (checks canonical form and hashing together)', async () => {
		expect(canonicalJson({ b: 1, a: [true, 'é'] })).toBe('{"a":[true,"é"],"b":1}');
		// Web Crypto over the canonical bytes agrees with Node's own SHA-256 of the same text.
		expect(await digestOf({ b: 1, a: [true, 'é'] })).toBe(await sha256Hex('{"a":[true,"é"],"b":1}'));
		expect(await digestOf({})).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
	});
	test('ids and URNs are derived from the digest', () => {
		const d = 'a'.repeat(64);
		expect(certificateIdOf(d)).toBe('SAA-AAAA-AAAA-AAAA-AAAA');
		expect(credentialUrnOf(d)).toMatch(/^urn:uuid:aaaaaaaa-aaaa-8aaa-[89ab]aaa-aaaaaaaaaaaa$/);
	});
});

async function sha256Hex(text: string) {
	const { createHash } = await import('node:crypto');
	return createHash('sha256').update(text, 'utf8').digest('hex');
}

describe('re-scoring', () => {
	test('a faithful attempt is consistent', () => {
		expect(rescoreAttempt(attempt('q01', T1, { wrong: 1 }), bank)).toMatchObject({
			status: 'consistent',
			score: 0.75,
			passed: false,
		});
	});
	test('an inflated score is caught', () => {
		const a = { ...attempt('q01', T1, { wrong: 2 }), score: 1, passed: true };
		const c = rescoreAttempt(a, bank);
		expect(c.status).toBe('score-mismatch');
		expect(c.message).toContain('score 50%');
	});
	test('swapped-in questions are caught (the seed decides the draw)', () => {
		const a = attempt('q01', T1);
		const all = base.questions.map((q) => q.id);
		const other = all.find((id) => !a.questionIds.includes(id)) as string;
		const c = rescoreAttempt({ ...a, questionIds: [...a.questionIds.slice(0, -1), other] }, bank);
		expect(c.status).toBe('draw-mismatch');
	});
	test('a revision no longer published cannot be re-scored (expired)', () => {
		const c = rescoreAttempt(attempt('q01', T1, { revision: 7 }), bank);
		expect(c.status).toBe('expired-revision');
		expect(c.message).toContain('revision 7');
	});
	test('an unknown quiz and impossible dates are reported', () => {
		expect(rescoreAttempt(attempt('nope', T1), bank).status).toBe('unknown-quiz');
		expect(rescoreAttempt({ ...attempt('q01', T2), startedAt: T3 }, bank).status).toBe('bad-dates');
	});
});

describe('checking a record', () => {
	test('an honest record is consistent and complete', async () => {
		const r = await checkRecord(await earnedRecord(), catalog, bank);
		expect(r.problems).toEqual([]);
		expect(r.status.earned).toBe(true);
	});
	test('a raised claim score is reported', async () => {
		const rec = await earnedRecord();
		const r = await checkRecord({ ...rec, claim: { ...rec.claim, score: 0.99 } }, catalog, bank);
		expect(r.problems.join()).toContain('differs from the re-scored evidence');
	});
	test('a record whose passing attempt was edited no longer completes the requirements', async () => {
		const rec = await earnedRecord();
		const attempts = rec.evidence.attempts.map((a) => ({ ...a, score: 1, passed: true }));
		const r = await checkRecord({ ...rec, evidence: { ...rec.evidence, attempts } }, catalog, bank);
		expect(r.problems.some((p) => p.includes('answers score 25% (fail), but the record claims 100%'))).toBe(
			true,
		);
	});
	test('a record on an expired revision is not complete', async () => {
		const rec = await earnedRecord();
		const later = bankOf(quizzes.map((q) => ({ ...q, revision: 2 })));
		const c2 = {
			...catalog,
			modules: catalog.modules.map((m) => (m.quiz ? { ...m, quiz: { ...m.quiz, revision: 2 } } : m)),
		};
		const r = await checkRecord(rec, c2, later);
		expect(r.status.earned).toBe(false);
		expect(r.problems.join(' ')).toContain('no longer published');
	});
	test('a record with the read mark removed is not complete', async () => {
		const rec = await earnedRecord();
		const r = await checkRecord({ ...rec, evidence: { ...rec.evidence, modules: [] } }, catalog, bank);
		expect(r.problems.join(' ')).toContain('Mark “Module 1” as read');
	});
});

const ctx = {
	site: { name: 'Academy', url: 'https://academy.example.org/' },
	organisation: 'Example Org',
	title: 'Principle 1: Title 1',
	description: 'd',
	provisions: ['1.1'],
};

describe('Open Badges 3.0 credential', () => {
	test('carries the record and opens back to it without problems', async () => {
		const rec = await earnedRecord();
		const cred = await buildCredential(rec, ctx);
		expect(cred.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
		expect(cred['@context'][1]).toContain('ob/v3p0');
		expect(cred.credentialSubject.identifier[0]?.identityHash).toBe('Αλέξανδρος Παπαδόπουλος');
		const opened = await openCredential(JSON.parse(JSON.stringify(cred)));
		expect(opened.ok && opened.problems).toEqual([]);
		expect(opened.ok && opened.record).toEqual(rec);
	});
	test('a changed name, date or achievement on the outside is caught', async () => {
		const cred = JSON.parse(JSON.stringify(await buildCredential(await earnedRecord(), ctx)));
		cred.credentialSubject.identifier[0].identityHash = 'Mallory';
		cred.validFrom = T1;
		cred.credentialSubject.achievement.id = 'https://academy.example.org/principles/2/';
		const opened = await openCredential(cred);
		expect(opened.ok).toBe(true);
		if (opened.ok) expect(opened.problems).toHaveLength(3);
	});
	test('a swapped record breaks the id', async () => {
		const cred = JSON.parse(JSON.stringify(await buildCredential(await earnedRecord(), ctx)));
		const other = await buildCredential(await earnedRecord('Someone Else'), ctx);
		cred.evidence = other.evidence;
		cred.credentialSubject.identifier[0].identityHash = 'Someone Else';
		const opened = await openCredential(cred);
		expect(opened.ok && opened.problems.join()).toContain('id does not match');
	});
	test('hostile or foreign input is refused with a reason', async () => {
		expect((await openCredential({ hello: 1 })).ok).toBe(false);
		const cred = JSON.parse(JSON.stringify(await buildCredential(await earnedRecord(), ctx)));
		cred.evidence[0].id = 'data:application/json;base64,!!!';
		const bad = await openCredential(cred);
		expect(!bad.ok && bad.message).toContain('damaged');
		expect(parseRecord('{"__proto__":{"x":1}}')).toMatchObject({ ok: false });
		expect(parseRecord('{"claim":1}')).toMatchObject({ ok: false });
	});
});

describe('verification links', () => {
	test('round trip, and smaller than the JSON', async () => {
		const rec = await earnedRecord();
		const frag = await recordLinkFragment(rec);
		expect(frag.startsWith('r=')).toBe(true);
		expect(frag.length).toBeLessThan(canonicalJson(rec).length);
		expect(parseRecord(await unpackFromLink(frag.slice(2)))).toEqual({ ok: true, record: rec });
	});
	test('malformed, truncated and oversized links are refused', async () => {
		const packed = await packForLink('x'.repeat(5000));
		await expect(unpackFromLink('abc$%')).rejects.toThrow(/characters/);
		await expect(unpackFromLink(packed.slice(0, 6))).rejects.toThrow();
		await expect(unpackFromLink(packed, 1000)).rejects.toThrow(/too large/);
		expect(await unpackFromLink(packed)).toHaveLength(5000);
	});
});

describe('the verdict (one check for the verify page and npm run certify)', () => {
	const organisation = 'Example Org';
	const ctxFor = { catalog, organisation, bankFor: () => bank };
	async function genuine() {
		const record = await earnedRecord();
		const status = allStatuses(catalog, withLearnerName(emptyProgress(), 'x'))[0];
		if (!status) throw new Error('no status');
		const cred = await buildCredential(record, {
			site: record.evidence.site,
			organisation,
			title: status.title,
			description: describeAchievement(status),
			provisions: status.provisions,
		});
		return JSON.parse(JSON.stringify(cred)) as Record<string, unknown>;
	}
	/** Every leaf of a JSON value, as [path, parent, key]. */
	function leaves(
		value: unknown,
		path = '',
	): [string, Record<string, unknown> | unknown[], string | number][] {
		if (typeof value !== 'object' || value === null) return [];
		const entries: [string | number, unknown][] = Array.isArray(value)
			? value.map((v, i) => [i, v])
			: Object.entries(value);
		return entries.flatMap(([k, v]) => {
			const p = typeof k === 'number' ? `${path}[${k}]` : path ? `${path}.${k}` : k;
			return typeof v === 'object' && v !== null
				? leaves(v, p)
				: [[p, value as Record<string, unknown>, k] as [string, Record<string, unknown>, string | number]];
		});
	}
	const mutate = (v: unknown) =>
		typeof v === 'string'
			? v.startsWith('data:')
				? `${v.slice(0, 60)}${v[60] === 'A' ? 'B' : 'A'}${v.slice(61)}`
				: `${v}x`
			: typeof v === 'number'
				? v + 1
				: !v;

	test('a genuine credential is valid', async () => {
		const v = await judge(await genuine(), ctxFor);
		expect(v.kind === 'checked' && v.problems).toEqual([]);
		expect(v.kind === 'checked' && v.valid).toBe(true);
	});
	test('an edited score is "Not valid", naming the field and both values', async () => {
		const cred = await genuine();
		(cred.credentialSubject as { result: { value: string }[] }).result[0] = {
			type: ['Result'],
			value: '90%',
		} as never;
		const v = await judge(cred, ctxFor);
		expect(v.kind === 'checked' && v.valid).toBe(false);
		expect(v.kind === 'checked' && v.problems.join(' ')).toContain(
			'score (credentialSubject.result[0].value) says "90%", but its record gives "100%"',
		);
	});
	test('mutation: changing any leaf of a genuine credential is refused, naming that field', async () => {
		const paths = leaves(await genuine()).map(([p]) => p);
		expect(paths.length).toBeGreaterThan(25);
		for (const path of paths) {
			const cred = await genuine();
			const [, parent, key] = leaves(cred).find(([p]) => p === path) as [
				string,
				Record<string | number, unknown>,
				string,
			];
			parent[key] = mutate(parent[key]);
			const v = await judge(cred, ctxFor);
			const refused = v.kind === 'unreadable' || !v.valid;
			expect(refused, `changing ${path} was accepted`).toBe(true);
			if (v.kind === 'checked' && !path.startsWith('evidence[0].id'))
				expect(v.problems.join(' '), path).toContain(path);
		}
	});
	test('mutation: removing any field, or adding one the site never writes, is refused', async () => {
		const paths = leaves(await genuine()).map(([p]) => p);
		for (const path of paths) {
			const cred = await genuine();
			const [, parent, key] = leaves(cred).find(([p]) => p === path) as [
				string,
				Record<string | number, unknown>,
				string,
			];
			if (Array.isArray(parent)) parent.splice(Number(key), 1);
			else delete parent[key];
			const v = await judge(cred, ctxFor);
			expect(v.kind === 'unreadable' || !v.valid, `removing ${path} was accepted`).toBe(true);
		}
		const extra = await genuine();
		(extra.credentialSubject as Record<string, unknown>).score = 1;
		const v = await judge(extra, ctxFor);
		expect(v.kind === 'checked' && v.problems.join(' ')).toContain('never writes: credentialSubject.score');
	});
	test('only the documented non-claim fields may be added: proof, and matching JWT claims', async () => {
		const cred = await genuine();
		const issuer = (cred.issuer as { id: string }).id;
		const ok = {
			...cred,
			proof: { type: 'DataIntegrityProof' },
			iss: issuer,
			jti: cred.id,
			nbf: Date.parse(String(cred.validFrom)) / 1000,
			iat: 1,
		};
		expect(await judge(ok, ctxFor)).toMatchObject({ kind: 'checked', valid: true });
		const wrongIss = await judge({ ...cred, iss: 'https://evil.example/' }, ctxFor);
		expect(wrongIss.kind === 'checked' && wrongIss.problems.join(' ')).toContain('issuer (iss)');
		const wrongSub = await judge({ ...cred, sub: 'did:jwk:someone' }, ctxFor);
		expect(wrongSub.kind === 'checked' && wrongSub.problems.join(' ')).toContain('sub (');
		expect(NON_CLAIM_FIELDS).toEqual(['proof', 'iss', 'jti', 'nbf', 'sub', 'iat', 'exp']);
	});
	describe('the issuer and subject follow the proof that was checked', () => {
		const DID = 'did:jwk:eyJjcnYiOiJQLTI1NiJ9';
		async function selfIssued(did = DID) {
			const record = await earnedRecord();
			const status = allStatuses(catalog, withLearnerName(emptyProgress(), 'x'))[0];
			if (!status) throw new Error('no status');
			const cred = await buildCredential(
				record,
				{
					site: record.evidence.site,
					organisation,
					title: status.title,
					description: describeAchievement(status),
					provisions: status.provisions,
				},
				{ form: 'self-issued', did },
			);
			return JSON.parse(JSON.stringify(cred)) as Record<string, unknown>;
		}
		const asSelf = { ...ctxFor, holder: { form: 'self-issued' as const, did: DID } };
		test('a self-issued credential names the learner (its did:jwk) as issuer and subject, and is valid', async () => {
			const cred = await selfIssued();
			expect(cred.issuer).toMatchObject({ id: DID, type: ['Profile'], name: 'Αλέξανδρος Παπαδόπουλος' });
			expect(cred.credentialSubject).toMatchObject({ id: DID });
			expect(await judge(cred, asSelf)).toMatchObject({ kind: 'checked', valid: true });
		});
		test('signed by another key than the one it names, or judged as unsigned, it is not valid', async () => {
			const other = await judge(await selfIssued(), {
				...ctxFor,
				holder: { form: 'self-issued', did: 'did:jwk:other' },
			});
			expect(other.kind === 'checked' && other.problems.join(' ')).toContain('issuer.id');
			const unsigned = await judge(await selfIssued(), ctxFor);
			expect(unsigned.kind === 'checked' && unsigned.valid).toBe(false);
		});
		test('mutation: changing any leaf of a self-issued credential is refused', async () => {
			const paths = leaves(await selfIssued()).map(([p]) => p);
			for (const path of paths) {
				const cred = await selfIssued();
				const [, parent, key] = leaves(cred).find(([p]) => p === path) as [
					string,
					Record<string | number, unknown>,
					string,
				];
				parent[key] = mutate(parent[key]);
				const v = await judge(cred, asSelf);
				expect(v.kind === 'unreadable' || !v.valid, `changing ${path} was accepted`).toBe(true);
			}
		});
		test('a countersigned credential names the organisation as issuer of the learner’s did:jwk', async () => {
			const cred = await selfIssued();
			const site = (await genuine()).issuer;
			const countersigned = { ...cred, issuer: site };
			const asOrg = { ...ctxFor, holder: { form: 'organisation' as const } };
			expect(await judge(countersigned, asOrg)).toMatchObject({ kind: 'checked', valid: true });
			// The organisation's proof does not make a credential that still names the learner as issuer valid.
			expect(await judge(cred, asOrg)).toMatchObject({ kind: 'checked', valid: false });
			const noSubject = { ...countersigned, credentialSubject: { ...(cred.credentialSubject as object) } };
			delete (noSubject.credentialSubject as { id?: string }).id;
			expect(await judge(noSubject, asOrg)).toMatchObject({ kind: 'checked', valid: false });
		});
	});
	test('a bare record is judged on the record alone', async () => {
		const rec = await earnedRecord();
		expect(await judge(JSON.parse(JSON.stringify(rec)), ctxFor)).toMatchObject({
			kind: 'checked',
			valid: true,
		});
		const raised = { ...rec, claim: { ...rec.claim, score: 0.5 } };
		expect(await judge(raised, ctxFor)).toMatchObject({ kind: 'checked', valid: false });
	});
	test('another organisation named as issuer is refused', async () => {
		const v = await judge(await genuine(), { ...ctxFor, organisation: 'Other Org' });
		expect(v.kind === 'checked' && v.problems.join(' ')).toContain('issuer (issuer.name)');
	});
});

describe('minimal disclosure and import screening', () => {
	test('a certificate carries the first and the best pass of each required quiz, nothing else', () => {
		const failed = attempt('q01', T1, { wrong: 3 });
		const practice = attempt('q01', T1, { mode: 'practice' });
		const first = { ...attempt('q01', T2), score: 0.8 };
		const best = attempt('q01', T3);
		const later = { ...attempt('q01', '2026-11-04T10:00:00.000Z'), score: 0.9 };
		const other = attempt('q02', T2);
		const kept = minimalAttempts(catalog, 'p01', [failed, practice, first, best, later, other]);
		expect(kept.map((a) => a.id)).toEqual([first.id, best.id]);
		expect(minimalAttempts(catalog, 'p01', [failed])).toEqual([]);
	});
	test('import screening keeps honest attempts and refuses edited ones, saying why', () => {
		const honest = attempt('q01', T1);
		const failed = attempt('q01', T2, { wrong: 2 });
		const forged = { ...failed, score: 0.9, passed: true };
		const unknown = attempt('zz', T2);
		const s = screenAttempts({ attempts: [honest, forged, unknown], modules: {} }, bank);
		expect(s.data.attempts.map((a) => a.id)).toEqual([honest.id, unknown.id]);
		expect(s.refused.map((c) => c.attemptId)).toEqual([forged.id]);
		expect(s.unchecked.map((c) => c.attemptId)).toEqual([unknown.id]);
		expect(refusalText(s.refused[0] as never, forged.submittedAt)).toBe(
			'The q01 attempt of 2026-11-02 10:00 UTC (revision 1) was not imported: the answers score 50% (fail), but the record claims 90% (pass).',
		);
	});
});
