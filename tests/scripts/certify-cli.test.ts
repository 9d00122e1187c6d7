/**
 * `npm run certify`: the organisation's command-line tool, run for real on this checkout's content
 * with a temporary key folder.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildCredential } from '../../src/core/certificates/credential.ts';
import {
	allStatuses,
	type CertificateCatalog,
	labForCertificates,
	labRequirementsFor,
	scopeOf,
} from '../../src/core/certificates/eligibility.ts';
import { issue } from '../../src/core/certificates/issue.ts';
import { certificateRecord } from '../../src/core/certificates/record.ts';
import { generateLearnerKey, signSelfIssued } from '../../src/core/certificates/signing.ts';
import { describeAchievement } from '../../src/core/certificates/site.ts';
import { TRACK_TITLES } from '../../src/core/progress/labels.ts';
import { withModuleVisit } from '../../src/core/progress/progress.ts';
import { emptyProgress } from '../../src/core/progress/stats.ts';
import { drawQuestions, scoreAttempt } from '../../src/core/quiz/attempt.ts';
import { collectEvidence } from '../../src/core/quiz/evidence.ts';
import { loadLabs } from '../../src/lib/labs.ts';
import { correctAnswer } from '../fixtures/answers.ts';
import { p01Certificate } from '../fixtures/p01-certificate.ts';

const root = resolve(new URL('../..', import.meta.url).pathname);
/** The kid keygen gives "org-2026" under this checkout's site.url (the default, http://127.0.0.1:4321/). */
const KID = 'http://127.0.0.1:4321/keys/org-2026.jwk.json';
const { quiz, catalog } = p01Certificate(root);

async function credentialFor(cheat = false, oneWrong = false) {
	const seed = 'abc123';
	const questionIds = drawQuestions(quiz as NonNullable<typeof quiz>, seed).questionIds;
	const answers = Object.fromEntries(
		questionIds.map((id) => [
			id,
			correctAnswer((quiz as NonNullable<typeof quiz>).questions.find((q) => q.id === id) as never),
		]),
	);
	if (cheat || oneWrong) delete answers[questionIds[0] as string];
	const score = scoreAttempt(quiz as NonNullable<typeof quiz>, questionIds, answers);
	const at = '2026-11-20T10:00:00.000Z';
	let data = withModuleVisit({ ...emptyProgress(), learnerName: 'Ольга Иванова' }, 'p01-awareness', at, true);
	data = {
		...data,
		attempts: [
			{
				id: 'a1',
				quizId: 'p01-awareness',
				revision: quiz?.revision ?? 1,
				mode: 'assessment',
				seed,
				questionIds,
				answers,
				score: cheat ? 1 : score.score,
				passed: true,
				startedAt: at,
				submittedAt: at,
			},
		],
	};
	const status = allStatuses(catalog, data)[0];
	if (!status) throw new Error('no status');
	const evidence = collectEvidence(data, scopeOf(catalog, 'p01'), {
		site: { name: 'Academy', url: 'https://academy.example.org/' },
		contentVersion: '2026.11.1',
		learnerName: 'Ольга Иванова',
		now: at,
	});
	const record = certificateRecord(status, evidence);
	if (!record) throw new Error('not earned');
	const key = await generateLearnerKey();
	const credential = await buildCredential(
		record,
		{
			site: evidence.site,
			// What the site names as issuer with this checkout's academy.config.yaml (no organisation set).
			organisation: 'Secure AI Academy',
			title: status.title,
			description: describeAchievement(status),
			provisions: status.provisions,
		},
		{ form: 'self-issued', did: key.did },
	);
	return { credential, key };
}

/** The learner's self-issued credential file (.jwt), signed by their own key (edited or not). */
async function selfIssuedFor(cheat = false, oneWrong = false, edit?: (c: Record<string, unknown>) => void) {
	const { credential, key } = await credentialFor(cheat, oneWrong);
	const copy = JSON.parse(JSON.stringify(credential));
	edit?.(copy);
	return signSelfIssued(copy, key);
}

function certify(args: string[], keys: string): { code: number; out: string } {
	try {
		const out = execFileSync(
			join(root, 'node_modules/.bin/node'),
			[join(root, 'scripts/certify.ts'), ...args],
			{
				env: { ...process.env, ACADEMY_KEYS_DIR: keys },
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		return { code: 0, out };
	} catch (e) {
		const err = e as { status: number; stdout: string; stderr: string };
		return { code: err.status, out: `${err.stdout}${err.stderr}` };
	}
}

// Each case starts the CLI several times (a Node process each): allow for a busy machine.
describe('npm run certify', { timeout: 120_000 }, () => {
	const tmp = mkdtempSync(join(tmpdir(), 'certify-'));
	const keys = join(tmp, 'keys');
	cpSync(join(root, 'public/keys'), keys, { recursive: true });
	const privateKey = join(tmp, 'org.private.jwk.json');

	test('keygen refuses to put a private key inside the project, then makes one outside', () => {
		const inside = certify(['keygen', '--kid', 'org-2026', '--private-out', join(root, 'oops.json')], keys);
		expect(inside.code).toBe(1);
		expect(inside.out).toContain('Refusing to write the private key inside the project');
		const ok = certify(['keygen', '--kid', 'org-2026', '--private-out', privateKey], keys);
		expect(ok.out).toContain('Public key "org-2026" added');
		const jwks = JSON.parse(readFileSync(join(keys, 'jwks.json'), 'utf8'));
		expect(jwks.keys).toHaveLength(1);
		expect(jwks.keys[0].d).toBeUndefined();
		// OB 3.0 §8.2: the kid is a URL under the site that serves this public key alone.
		expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', kid: KID });
		const file = JSON.parse(readFileSync(join(keys, 'org-2026.jwk.json'), 'utf8'));
		expect(file).toEqual(jwks.keys[0]);
		expect(new URL(file.kid).pathname).toBe('/keys/org-2026.jwk.json');
		expect(JSON.parse(readFileSync(privateKey, 'utf8')).d).toBeTruthy();
		expect(
			certify(['keygen', '--kid', 'org-2026', '--private-out', join(tmp, 'again.json')], keys).out,
		).toContain('already publishes a key');
	});

	test('sign re-scores first: an honest record is signed and verifies, an inflated one is refused', async () => {
		const honest = join(tmp, 'honest.jwt');
		writeFileSync(honest, `${await selfIssuedFor()}\n`);
		expect(certify(['verify', '--in', honest], keys).out).toContain('Verified: self-issued by the learner');
		const signed = certify(['sign', '--key', privateKey, '--in', honest], keys);
		expect(signed.out).toContain('consistent and complete');
		const jwt = join(tmp, 'honest.countersigned.jwt');
		expect(readFileSync(jwt, 'utf8')).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+\n$/);
		expect(certify(['verify', '--in', jwt], keys).out).toContain(
			`Verified: signed with "${KID}"; Principle 1`,
		);
		// A countersigned credential is not signed again, and an unsigned (legacy) file is refused plainly.
		expect(certify(['sign', '--key', privateKey, '--in', jwt], keys).out).toContain('already countersigned');
		const legacy = join(tmp, 'legacy.json');
		writeFileSync(legacy, JSON.stringify((await credentialFor()).credential));
		expect(certify(['sign', '--key', privateKey, '--in', legacy], keys).out).toContain(
			'ask the learner to download the credential again',
		);

		const cheat = join(tmp, 'cheat.jwt');
		writeFileSync(cheat, await selfIssuedFor(true));
		const refused = certify(['sign', '--key', privateKey, '--in', cheat], keys);
		expect(refused.code).toBe(1);
		expect(refused.out).toContain('Not signed: the record does not hold together');
	});

	test('sign refuses a genuine record whose credential claims a higher score, naming the field', async () => {
		// The learner edits the score and signs again with their own key: the signature is good, the claim is not.
		const honestScore = (await credentialFor(false, true)).credential.credentialSubject.result[0]?.value;
		const file = join(tmp, 'edited-score.jwt');
		writeFileSync(
			file,
			await selfIssuedFor(false, true, (c) => {
				(c as { credentialSubject: { result: { value: string }[] } }).credentialSubject.result[0] = {
					type: ['Result'],
					value: '100%',
				} as never;
			}),
		);
		const refused = certify(['sign', '--key', privateKey, '--in', file], keys);
		expect(honestScore).not.toBe('100%');
		expect(refused.code).toBe(1);
		expect(refused.out).toContain('Not signed');
		expect(refused.out).toContain('credentialSubject.result[0].value');
		expect(refused.out).toContain(`its record gives "${honestScore}"`);
	});

	test('sign re-runs lab passes: an honest practitioner credential is signed, one with forged lab code is refused', async () => {
		const { labs } = loadLabs(root);
		const labCatalog: CertificateCatalog = {
			...catalog,
			labs: labs.map((l) => labForCertificates(l.data)),
			trackTitles: TRACK_TITLES,
		};
		const ids = labRequirementsFor(labCatalog, 'ml-complexity').map((l) => l.labId);
		const code = (id: string, file: string) => readFileSync(join(root, 'content/labs', id, file), 'utf8');
		const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
		const passes = (file: string) =>
			Object.fromEntries(
				ids.map((id) => {
					const c = code(id, file);
					const pass = {
						at: '2026-11-21T10:00:00.000Z',
						revision: 1,
						code: c,
						digest: digest(c),
						seed: 'cli1',
						solutionShown: false,
					};
					return [id, { failedRuns: 0, passes: [pass] }];
				}),
			);
		const site = {
			name: 'Academy',
			url: 'https://academy.example.org/',
			organisation: 'Secure AI Academy',
			signatory: undefined,
			contentVersion: '2026.11.1',
			base: '/',
		};
		const credentialOf = async (file: string) => {
			const data = { ...emptyProgress(), learnerName: 'Ольга Иванова', labs: passes(file) };
			// Issued as if the passes held (the status the learner's page would compute).
			const status = allStatuses(labCatalog, {
				...data,
				labs: passes('reference.js'),
			}).find((x) => x.id === 'practitioner-ml-complexity');
			if (!status?.earned) throw new Error('not earned');
			const issued = await issue(
				labCatalog,
				'practitioner-ml-complexity',
				status,
				data,
				'Ольга Иванова',
				site,
			);
			if (!issued) throw new Error('not issued');
			return issued.jwt;
		};
		const honest = join(tmp, 'practitioner.jwt');
		writeFileSync(honest, await credentialOf('reference.js'));
		const signed = certify(['sign', '--key', privateKey, '--in', honest], keys);
		expect(signed.out).toContain('consistent and complete');
		expect(signed.out).toContain('Practitioner: ML complexity and technical debt');

		const forged = join(tmp, 'practitioner-forged.jwt');
		writeFileSync(forged, await credentialOf('starter.js'));
		const refused = certify(['sign', '--key', privateKey, '--in', forged], keys);
		expect(refused.code).toBe(1);
		expect(refused.out).toMatch(/the recorded code (lets “.+” through|breaks “.+”) when re-run/);
	});

	test('revoking the credential, then the key, makes verify fail', async () => {
		const jwt = join(tmp, 'honest.countersigned.jwt');
		const id = JSON.parse(
			Buffer.from(readFileSync(jwt, 'utf8').split('.')[1] as string, 'base64url').toString(),
		).id as string;
		certify(['revoke', '--credential', id, '--reason', 'issued to the wrong person'], keys);
		expect(certify(['verify', '--in', jwt], keys).out).toContain('issued to the wrong person');
		certify(['revoke', '--kid', 'org-2026'], keys);
		expect(certify(['verify', '--in', jwt], keys).out).toContain('has been revoked');
		expect(certify(['revoke', '--credential', 'not-a-urn'], keys).code).toBe(1);
	});
});
