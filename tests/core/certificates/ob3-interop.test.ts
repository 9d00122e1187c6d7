/**
 * Both credential forms, as a spec-following verifier that shares no code with the issuer sees them:
 *   - the JWS is checked by `jsonwebtoken` (auth0) over Node's own crypto, never by `jose`, which
 *     the site signs with;
 *   - the key is found as OB 3.0 §8.2 says: from the header's `jwk` (self-issued; its did:jwk issuer
 *     is resolved here by hand, as the did:jwk method defines it) or by dereferencing the `kid` URL
 *     to the public JWK the site serves at that address (countersigned);
 *   - the JOSE header and claims are checked against §8.2 (alg RS256/ES256 as 1EdTech's validator
 *     requires, only alg/kid/jwk/typ, iss/jti/nbf/sub repeating the credential);
 *   - the credential is validated against the official OB 3.0 achievement-credential JSON Schema
 *     (draft 2019-09, ajv) when tests/fixtures/ob3/ holds it, or OB3_SCHEMA_FILE names a copy (see
 *     tests/fixtures/ob3/README.md).
 */
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv2019 from 'ajv/dist/2019.js';
import { importJWK, SignJWT } from 'jose';
import jsonwebtoken from 'jsonwebtoken';
import { describe, expect, test } from 'vitest';
import { buildCredential } from '../../../src/core/certificates/credential.ts';
import { allStatuses, scopeOf } from '../../../src/core/certificates/eligibility.ts';
import { issue } from '../../../src/core/certificates/issue.ts';
import { certificateRecord } from '../../../src/core/certificates/record.ts';
import {
	generateLearnerKey,
	generateSigningKey,
	organisationKidOf,
	signCredential,
	signSelfIssued,
} from '../../../src/core/certificates/signing.ts';
import { describeAchievement } from '../../../src/core/certificates/site.ts';
import { withModuleVisit } from '../../../src/core/progress/progress.ts';
import { emptyProgress } from '../../../src/core/progress/stats.ts';
import { drawQuestions } from '../../../src/core/quiz/attempt.ts';
import { collectEvidence } from '../../../src/core/quiz/evidence.ts';
import { correctAnswer } from '../../fixtures/answers.ts';
import { p01Certificate } from '../../fixtures/p01-certificate.ts';

const root = resolve(new URL('../../..', import.meta.url).pathname);
const SCHEMA_FILE =
	process.env.OB3_SCHEMA_FILE ?? join(root, 'tests/fixtures/ob3/ob_v3p0_achievementcredential_schema.json');
const SITE_URL = 'https://academy.example.org/';

// --- An earned p01 certificate on this checkout's real content ---------------------------------
const { quiz, catalog } = p01Certificate(root);
// Milliseconds, as real attempts have: the signed credential's validFrom must still equal its nbf.
const at = '2026-11-20T10:00:00.457Z';
const questionIds = drawQuestions(quiz, 'interop1').questionIds;
const answers = Object.fromEntries(
	questionIds.map((id) => [id, correctAnswer(quiz.questions.find((q) => q.id === id) as never)]),
);
const data = {
	...withModuleVisit({ ...emptyProgress(), learnerName: 'Zoë Ångström' }, 'p01-awareness', at, true),
	attempts: [
		{
			id: 'a1',
			quizId: quiz.id,
			revision: quiz.revision,
			mode: 'assessment' as const,
			seed: 'interop1',
			questionIds,
			answers,
			score: 1,
			passed: true,
			startedAt: at,
			submittedAt: at,
		},
	],
};
const status = allStatuses(catalog, data)[0];
if (!status?.earned) throw new Error('not earned');
const site = {
	name: 'Academy',
	url: SITE_URL,
	organisation: 'Example Org',
	signatory: undefined,
	contentVersion: '2026.11.1',
	base: '/',
};
const issued = await issue(catalog, 'p01', status, data, 'Zoë Ångström', site);
if (!issued) throw new Error('not issued');

/** The organisation's credential for the same record: issuer the site, subject the learner's did:jwk. */
const orgKid = organisationKidOf(SITE_URL, 'org-2026');
const org = await generateSigningKey(orgKid);
const record = certificateRecord(
	status,
	collectEvidence(data, scopeOf(catalog, 'p01'), {
		site: { name: site.name, url: site.url },
		contentVersion: site.contentVersion,
		learnerName: 'Zoë Ångström',
		now: at,
	}),
);
if (!record) throw new Error('no record');
const orgCredential = await buildCredential(
	record,
	{
		site: { name: site.name, url: site.url },
		organisation: site.organisation,
		title: status.title,
		description: describeAchievement(status),
		provisions: status.provisions,
	},
	{ form: 'organisation', subjectId: issued.did },
);
const countersigned = await signCredential(orgCredential, org.privateJwk);
/** What the site serves: each public key alone at its kid address (public/keys/<name>.jwk.json). */
const served: Record<string, JsonWebKey> = { [orgKid]: org.publicJwk as JsonWebKey };

// --- The independent verifier ------------------------------------------------------------------
const ALLOWED_HEADERS = ['alg', 'jwk', 'kid', 'typ'];

/** did:jwk resolution, by the method's definition: base64url-decoded JSON of the public key. */
function resolveDidJwk(did: string): JsonWebKey {
	if (!did.startsWith('did:jwk:')) throw new Error(`not a did:jwk: ${did}`);
	return JSON.parse(Buffer.from(did.slice('did:jwk:'.length), 'base64url').toString('utf8'));
}

/** OB 3.0 §8.2 "Verify a Credential", with jsonwebtoken doing the JWS. Throws on any failure. */
function independentVerify(token: string): {
	header: Record<string, unknown>;
	credential: Record<string, unknown>;
} {
	const decoded = jsonwebtoken.decode(token, { complete: true });
	if (!decoded || typeof decoded.payload === 'string') throw new Error('not a JWT with a JSON payload');
	const header = decoded.header as unknown as Record<string, unknown>;
	for (const k of Object.keys(header)) if (!ALLOWED_HEADERS.includes(k)) throw new Error(`header ${k}`);
	if (header.alg !== 'RS256' && header.alg !== 'ES256') throw new Error('alg must be RS256 or ES256');
	let key: KeyObject;
	if (typeof header.kid === 'string') {
		const url = new URL(header.kid); // a URI, or this throws
		const jwk = served[url.href];
		if (!jwk) throw new Error(`nothing served at ${url.href}`);
		key = createPublicKey({ key: jwk, format: 'jwk' });
	} else if (header.jwk) {
		const jwk = header.jwk as JsonWebKey;
		if ('d' in jwk) throw new Error('a private key in the header');
		key = createPublicKey({ key: jwk, format: 'jwk' });
	} else throw new Error('neither kid nor jwk');
	const payload = jsonwebtoken.verify(token, key, {
		algorithms: ['RS256', 'ES256'],
	}) as jsonwebtoken.JwtPayload;
	const c = payload as Record<string, unknown> & {
		id: string;
		validFrom: string;
		issuer: { id: string };
		credentialSubject: { id?: string };
	};
	if (payload.iss !== c.issuer.id) throw new Error('iss');
	if (!payload.sub || payload.sub !== c.credentialSubject.id) throw new Error('sub');
	if (payload.jti !== c.id) throw new Error('jti');
	// §8.2: nbf, converted to a date, MUST equal validFrom (so validFrom has no fraction of a second).
	if (typeof payload.nbf !== 'number' || payload.nbf * 1000 !== Date.parse(c.validFrom))
		throw new Error('nbf');
	if (header.jwk) {
		// Self-issued: the issuer is the did:jwk of the very key that signed.
		const fromDid = resolveDidJwk(c.issuer.id);
		const inHeader = header.jwk as JsonWebKey;
		if (fromDid.x !== inHeader.x || fromDid.y !== inHeader.y || fromDid.crv !== inHeader.crv)
			throw new Error('the issuer is not the signing key');
	}
	return { header, credential: payload as Record<string, unknown> };
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const payloadOf = (jwt: string) =>
	JSON.parse(Buffer.from(jwt.split('.')[1] as string, 'base64url').toString());

describe('an independent verifier (jsonwebtoken + node:crypto) accepts both forms', () => {
	test('self-issued: ES256, the public key in the header, issuer and subject its did:jwk', () => {
		const { header, credential } = independentVerify(issued.jwt);
		expect(header).toEqual({
			alg: 'ES256',
			typ: 'JWT',
			jwk: expect.objectContaining({ kty: 'EC', crv: 'P-256' }),
		});
		expect(credential.iss).toBe(issued.did);
		expect(credential.sub).toBe(issued.did);
		expect(credential).toMatchObject({
			type: ['VerifiableCredential', 'OpenBadgeCredential'],
			issuer: { id: issued.did, name: 'Zoë Ångström' },
			credentialSubject: { id: issued.did },
		});
	});
	test('countersigned: ES256, a kid that is an https URL dereferencing to the public JWK, and sub', () => {
		const { header, credential } = independentVerify(countersigned);
		expect(header).toEqual({ alg: 'ES256', typ: 'JWT', kid: orgKid });
		expect(new URL(header.kid as string).protocol).toBe('https:');
		expect(served[header.kid as string]).not.toHaveProperty('d');
		expect(credential).toMatchObject({
			iss: SITE_URL,
			sub: issued.did,
			issuer: { id: SITE_URL, name: 'Example Org' },
		});
	});
});

describe('the independent verifier refuses what it should', () => {
	test('a tampered payload', () => {
		for (const token of [issued.jwt, countersigned]) {
			const [h, , s] = token.split('.');
			const payload = payloadOf(token);
			payload.credentialSubject.result[0].value = '100%';
			payload.name = 'Something else';
			expect(() => independentVerify([h, b64(payload), s].join('.'))).toThrow(/invalid signature/);
		}
	});
	test('a wrong key: another key named by the same kid, or another key in the header', async () => {
		const stranger = await generateSigningKey(orgKid);
		const forged = await signCredential(orgCredential, stranger.privateJwk);
		expect(() => independentVerify(forged)).toThrow(/invalid signature/);
		const learner = await generateLearnerKey();
		const [, p, s] = issued.jwt.split('.');
		const swapped = [b64({ alg: 'ES256', typ: 'JWT', jwk: learner.publicJwk }), p, s].join('.');
		expect(() => independentVerify(swapped)).toThrow(/invalid signature/);
	});
	test('EdDSA and none', () => {
		const p = issued.jwt.split('.')[1];
		expect(() => independentVerify(`${b64({ alg: 'EdDSA', kid: orgKid })}.${p}.c2ln`)).toThrow(
			/RS256 or ES256/,
		);
		expect(() => independentVerify(`${b64({ alg: 'none', kid: orgKid })}.${p}.`)).toThrow(/RS256 or ES256/);
	});
	test('a credential without a subject id cannot be signed at all', async () => {
		const noSubject = { ...orgCredential, credentialSubject: { ...orgCredential.credentialSubject } };
		delete (noSubject.credentialSubject as { id?: string }).id;
		await expect(signCredential(noSubject, org.privateJwk)).rejects.toThrow(/credentialSubject\.id/);
	});
	test('a token without "sub", validly signed by the published key (made here, not by the site)', async () => {
		const privateKey = await importJWK(org.privateJwk, 'ES256');
		const noSub = await new SignJWT(orgCredential as never)
			.setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: orgKid })
			.setIssuer(orgCredential.issuer.id)
			.setJti(orgCredential.id)
			.setNotBefore(Date.parse(orgCredential.validFrom) / 1000)
			.sign(privateKey);
		expect(() => independentVerify(noSub)).toThrow(/^sub$/);
	});
	test('a kid that is not a URI (as the old countersigned form had)', () => {
		const [, p, s] = countersigned.split('.');
		expect(() =>
			independentVerify([b64({ alg: 'ES256', typ: 'JWT', kid: 'org-2026' }), p, s].join('.')),
		).toThrow(/Invalid URL/);
	});
	test('an expired credential', async () => {
		const learner = await generateLearnerKey();
		const expired = await signSelfIssued(
			{
				...issued.credential,
				issuer: { ...issued.credential.issuer, id: learner.did },
				credentialSubject: { ...issued.credential.credentialSubject, id: learner.did },
				validUntil: '2026-11-21T00:00:00.000Z',
			},
			learner,
		);
		expect(() => independentVerify(expired)).toThrow(/jwt expired/);
	});
});

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** The official schema, vendored in tests/fixtures/ob3/ (its README says where it comes from). */
const schema: unknown = existsSync(SCHEMA_FILE) ? JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) : undefined;

test('the official OB 3.0 schema is present (tests/fixtures/ob3/README.md says how to fetch it)', () => {
	expect(schema, `${SCHEMA_FILE} is missing`).toBeDefined();
	expect((schema as { $schema?: string }).$schema).toMatch(/draft\/2019-09/);
});

describe('the official OB 3.0 AchievementCredential JSON Schema (draft 2019-09, ajv)', () => {
	const validate = () => {
		const ajv = new Ajv2019({ strict: false, allErrors: true });
		// The formats the schema uses, checked for real (RFC 3339), not waved through.
		ajv.addFormat('date-time', (v: string) => DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)));
		ajv.addFormat('date', (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)));
		return ajv.compile(schema as object);
	};
	test('both credentials (the JWT payloads) pass', () => {
		const v = validate();
		for (const token of [issued.jwt, countersigned]) {
			const ok = v(payloadOf(token));
			expect(v.errors ?? [], JSON.stringify(v.errors)).toEqual([]);
			expect(ok).toBe(true);
		}
	});
	test('a credential without its credentialSubject fails (the schema is really applied)', () => {
		const v = validate();
		const broken = payloadOf(issued.jwt);
		delete broken.credentialSubject;
		expect(v(broken)).toBe(false);
		const badDate = { ...payloadOf(countersigned), validFrom: '20 November 2026' };
		expect(v(badDate)).toBe(false);
		const badIdentity = payloadOf(issued.jwt);
		badIdentity.credentialSubject.identifier[0].identityType = 'nickname';
		expect(v(badIdentity)).toBe(false);
	});
});
