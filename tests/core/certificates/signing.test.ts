import { decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, test } from 'vitest';
import {
	didJwkOf,
	formOf,
	generateLearnerKey,
	generateSigningKey,
	JwksSchema,
	organisationKidOf,
	RevocationListSchema,
	signCredential,
	signSelfIssued,
	verifySelfIssued,
	verifySignedCredential,
} from '../../../src/core/certificates/signing.ts';

const SITE = 'https://academy.example.org/training/';
const KID = organisationKidOf(SITE, 'org-2026');
const credential = {
	'@context': ['https://www.w3.org/ns/credentials/v2'],
	id: 'urn:uuid:11111111-2222-8333-8444-555555555555',
	type: ['VerifiableCredential', 'OpenBadgeCredential'],
	validFrom: '2026-11-20T10:00:00.000Z',
	issuer: { id: SITE, name: 'Example Org' },
	credentialSubject: { id: 'did:jwk:eyJsdWJqZWN0IjoxfQ', name: 'Zoë' },
};
const org = await generateSigningKey(KID);
const other = await generateSigningKey(KID);
const jwks = JwksSchema.parse({ keys: [org.publicJwk] });
const none = RevocationListSchema.parse({});

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const partsOf = (jwt: string) => {
	const [h, p, s] = jwt.split('.') as [string, string, string];
	return { h, p, s, payload: JSON.parse(Buffer.from(p, 'base64url').toString()) };
};

describe('countersigned credentials (VC-JWT, ES256, OB 3.0 §8.2)', () => {
	test('the kid is the https address of the public key file under the site', () => {
		expect(KID).toBe('https://academy.example.org/training/keys/org-2026.jwk.json');
	});
	test('a good signature verifies; header is alg ES256, typ JWT and a kid URI, nothing else', async () => {
		const jwt = await signCredential(credential, org.privateJwk);
		expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'ES256', typ: 'JWT', kid: KID });
		expect(formOf(jwt)).toBe('organisation');
		const r = await verifySignedCredential(jwt, jwks, none);
		expect(r.ok).toBe(true);
		if (r.ok) {
			expect(r.form).toBe('organisation');
			expect(r.payload).toMatchObject({
				...credential,
				iss: SITE,
				jti: credential.id,
				sub: credential.credentialSubject.id,
			});
			expect(r.payload.nbf).toBe(Date.parse(credential.validFrom) / 1000);
			expect(r.kid).toBe(KID);
		}
	});
	test('a tampered payload fails the signature', async () => {
		const { h, s, payload } = partsOf(await signCredential(credential, org.privateJwk));
		payload.credentialSubject.name = 'Mallory';
		expect(await verifySignedCredential([h, b64(payload), s].join('.'), jwks, none)).toMatchObject({
			ok: false,
			reason: 'bad-signature',
		});
	});
	test('a key with the same kid but not the published one fails', async () => {
		const jwt = await signCredential(credential, other.privateJwk);
		expect(await verifySignedCredential(jwt, jwks, none)).toMatchObject({
			ok: false,
			reason: 'bad-signature',
		});
	});
	test('a key the site does not publish is not trusted', async () => {
		const stranger = await generateSigningKey(organisationKidOf('https://elsewhere.example/', 'x'));
		const jwt = await signCredential(credential, stranger.privateJwk);
		expect(await verifySignedCredential(jwt, jwks, none)).toMatchObject({ ok: false, reason: 'unknown-key' });
	});
	test('a revoked key and a revoked credential are refused', async () => {
		const jwt = await signCredential(credential, org.privateJwk);
		const byKey = RevocationListSchema.parse({ keys: [KID] });
		expect(await verifySignedCredential(jwt, jwks, byKey)).toMatchObject({
			ok: false,
			reason: 'revoked-key',
		});
		const byId = RevocationListSchema.parse({
			credentials: [{ id: credential.id, reason: 'issued in error' }],
		});
		const r = await verifySignedCredential(jwt, jwks, byId);
		expect(r).toMatchObject({ ok: false, reason: 'revoked-credential' });
		expect(!r.ok && r.message).toContain('issued in error');
	});
	test('a credential without a subject id cannot be signed, and a token without sub is refused', async () => {
		const noSubject = { ...credential, credentialSubject: { name: 'Zoë' } };
		await expect(signCredential(noSubject as never, org.privateJwk)).rejects.toThrow(/credentialSubject\.id/);
		// Signed by hand with the organisation's key, but without the sub claim §8.2 requires.
		const key = await (await import('jose')).importJWK(org.privateJwk, 'ES256');
		const jwt = await new SignJWT(noSubject)
			.setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: KID })
			.setIssuer(SITE)
			.setJti(credential.id)
			.setNotBefore(Date.parse(credential.validFrom) / 1000)
			.sign(key);
		const r = await verifySignedCredential(jwt, jwks, none);
		expect(r).toMatchObject({ ok: false, reason: 'malformed' });
		expect(!r.ok && r.message).toContain('"sub"');
	});
	test('claims that do not repeat the credential are refused (sub, iss)', async () => {
		const key = await (await import('jose')).importJWK(org.privateJwk, 'ES256');
		const sign = (iss: string, sub: string) =>
			new SignJWT(credential)
				.setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: KID })
				.setIssuer(iss)
				.setSubject(sub)
				.setJti(credential.id)
				.setNotBefore(Date.parse(credential.validFrom) / 1000)
				.sign(key);
		const wrongSub = await verifySignedCredential(await sign(SITE, 'did:example:other'), jwks, none);
		expect(!wrongSub.ok && wrongSub.message).toContain('subject (sub)');
		const wrongIss = await verifySignedCredential(
			await sign('https://evil.example/', credential.credentialSubject.id),
			jwks,
			none,
		);
		expect(!wrongIss.ok && wrongIss.message).toContain('issuer (iss)');
	});
	test('an expired credential is refused', async () => {
		const jwt = await signCredential(
			{ ...credential, validUntil: '2026-11-21T00:00:00.000Z' },
			org.privateJwk,
		);
		expect(partsOf(jwt).payload.exp).toBe(Date.parse('2026-11-21T00:00:00.000Z') / 1000);
		expect(await verifySignedCredential(jwt, jwks, none)).toMatchObject({ ok: false, reason: 'expired' });
	});
	test('other algorithms are refused: EdDSA as an older format, none and HS256 as malformed', async () => {
		const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
		const ed = await new SignJWT(credential)
			.setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: KID })
			.setSubject(credential.credentialSubject.id)
			.sign(privateKey);
		const r = await verifySignedCredential(ed, jwks, none);
		expect(r).toMatchObject({ ok: false, reason: 'old-format' });
		expect(!r.ok && r.message).toContain('not forged');
		const { p } = partsOf(await signCredential(credential, org.privateJwk));
		const unsigned = `${b64({ alg: 'none', kid: KID })}.${p}.`;
		expect(await verifySignedCredential(unsigned, jwks, none)).toMatchObject({
			ok: false,
			reason: 'malformed',
		});
		const hs = `${b64({ alg: 'HS256', kid: KID })}.${p}.c2ln`;
		expect(await verifySignedCredential(hs, jwks, none)).toMatchObject({ ok: false, reason: 'malformed' });
	});
	test('a header with anything beyond alg, kid, jwk and typ is refused', async () => {
		const key = await (await import('jose')).importJWK(org.privateJwk, 'ES256');
		const jwt = await new SignJWT(credential)
			.setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: KID, x5u: 'https://evil.example/' })
			.setIssuer(SITE)
			.setSubject(credential.credentialSubject.id)
			.setJti(credential.id)
			.setNotBefore(Date.parse(credential.validFrom) / 1000)
			.sign(key);
		const r = await verifySignedCredential(jwt, jwks, none);
		expect(!r.ok && r.message).toContain('x5u');
	});
	test('garbage, public-only keys, Ed25519 keys and private key sets are handled', async () => {
		expect(await verifySignedCredential('not a jwt', jwks, none)).toMatchObject({ reason: 'malformed' });
		await expect(signCredential(credential, org.publicJwk)).rejects.toThrow(/private key/);
		expect(JwksSchema.safeParse({ keys: [org.privateJwk] }).success).toBe(false);
		expect(JwksSchema.safeParse({ keys: [{ ...org.publicJwk, kid: 'not-a-url' }] }).success).toBe(false);
		const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
		const edJwk = { ...(await exportJWK(privateKey)), kid: KID };
		await expect(signCredential(credential, edJwk)).rejects.toThrow(/ES256/);
	});
});

describe('self-issued credentials (VC-JWT, ES256, key made by the learner’s browser)', () => {
	const selfCredential = (did: string) => ({
		...credential,
		issuer: { id: did, name: 'Zoë' },
		credentialSubject: { id: did, name: 'Zoë' },
	});
	test('issuer and subject are the did:jwk of the key in the header; it verifies with nothing fetched', async () => {
		const key = await generateLearnerKey();
		expect(key.did).toBe(didJwkOf(key.publicJwk));
		const jwt = await signSelfIssued(selfCredential(key.did), key);
		const header = decodeProtectedHeader(jwt);
		expect(header).toEqual({ alg: 'ES256', typ: 'JWT', jwk: key.publicJwk });
		expect(header.jwk && 'd' in header.jwk).toBe(false);
		expect(formOf(jwt)).toBe('self-issued');
		// did:jwk resolves, without a network, to the key in the header.
		expect(JSON.parse(Buffer.from(key.did.slice('did:jwk:'.length), 'base64url').toString())).toEqual({
			crv: 'P-256',
			kty: 'EC',
			x: key.publicJwk.x,
			y: key.publicJwk.y,
		});
		const r = await verifySelfIssued(jwt);
		expect(r).toMatchObject({ ok: true, form: 'self-issued', kid: key.did });
		expect(r.ok && r.payload).toMatchObject({ iss: key.did, sub: key.did, jti: credential.id });
	});
	test('a tampered payload fails; a swapped header key fails; another issuer is refused', async () => {
		const key = await generateLearnerKey();
		const { h, s, payload } = partsOf(await signSelfIssued(selfCredential(key.did), key));
		payload.credentialSubject.name = 'Mallory';
		expect(await verifySelfIssued([h, b64(payload), s].join('.'))).toMatchObject({ reason: 'bad-signature' });

		// Mallory re-signs Zoë's credential with her own key but keeps Zoë's did as issuer.
		const mallory = await generateLearnerKey();
		const { p } = partsOf(await signSelfIssued(selfCredential(key.did), key));
		const resigned = await new SignJWT(JSON.parse(Buffer.from(p, 'base64url').toString()))
			.setProtectedHeader({ alg: 'ES256', typ: 'JWT', jwk: mallory.publicJwk })
			.sign(mallory.privateKey);
		const r = await verifySelfIssued(resigned);
		expect(r).toMatchObject({ ok: false, reason: 'malformed' });
		expect(!r.ok && r.message).toContain('issuer other than the key');

		await expect(signSelfIssued(selfCredential('did:jwk:someone-else'), key)).rejects.toThrow(/did:jwk/);
	});
	test('a header key with a private part, or a self-issued token checked as countersigned, is refused', async () => {
		const { privateKey } = await generateKeyPair('ES256', { extractable: true });
		const priv = await exportJWK(privateKey);
		const did = didJwkOf(priv);
		const jwt = await new SignJWT(selfCredential(did))
			.setProtectedHeader({ alg: 'ES256', typ: 'JWT', jwk: priv })
			.setIssuer(did)
			.setSubject(did)
			.setJti(credential.id)
			.setNotBefore(Date.parse(credential.validFrom) / 1000)
			.sign(privateKey);
		expect(await verifySelfIssued(jwt)).toMatchObject({ ok: false, reason: 'malformed' });
		const key = await generateLearnerKey();
		const honest = await signSelfIssued(selfCredential(key.did), key);
		const r = await verifySignedCredential(honest, jwks, none);
		expect(!r.ok && r.message).toContain('self-issued');
	});
});
