import { describe, expect, test } from 'vitest';
import {
	generateSigningKey,
	JwksSchema,
	RevocationListSchema,
	signCredential,
	verifySignedCredential,
} from '../../../src/core/certificates/signing.ts';

const credential = {
	'@context': ['https://www.w3.org/ns/credentials/v2'],
	id: 'urn:uuid:11111111-2222-8333-8444-555555555555',
	type: ['VerifiableCredential', 'OpenBadgeCredential'],
	validFrom: '2026-11-20T10:00:00.000Z',
	issuer: { id: 'https://academy.example.org/', name: 'Example Org' },
	credentialSubject: { name: 'Zoë' },
};
const org = await generateSigningKey('org-2026');
const other = await generateSigningKey('org-2026');
const jwks = JwksSchema.parse({ keys: [org.publicJwk] });
const none = RevocationListSchema.parse({});

describe('countersigned credentials (VC-JWT, Ed25519)', () => {
	test('a good signature verifies and returns the credential', async () => {
		const jwt = await signCredential(credential, org.privateJwk);
		const r = await verifySignedCredential(jwt, jwks, none);
		expect(r.ok).toBe(true);
		if (r.ok) {
			expect(r.payload).toMatchObject({ ...credential, iss: credential.issuer.id, jti: credential.id });
			expect(r.payload.nbf).toBe(Date.parse(credential.validFrom) / 1000);
			expect(r.kid).toBe('org-2026');
		}
	});
	test('a tampered payload fails the signature', async () => {
		const [h, p, s] = (await signCredential(credential, org.privateJwk)).split('.');
		const payload = JSON.parse(Buffer.from(p as string, 'base64url').toString());
		payload.credentialSubject.name = 'Mallory';
		const forged = [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
		expect(await verifySignedCredential(forged, jwks, none)).toMatchObject({
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
		const stranger = await generateSigningKey('someone-else');
		const jwt = await signCredential(credential, stranger.privateJwk);
		const r = await verifySignedCredential(jwt, jwks, none);
		expect(r).toMatchObject({ ok: false, reason: 'unknown-key' });
	});
	test('a revoked key and a revoked credential are refused', async () => {
		const jwt = await signCredential(credential, org.privateJwk);
		const byKey = RevocationListSchema.parse({ keys: ['org-2026'] });
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
	test('garbage, other algorithms and public-only keys are handled', async () => {
		expect(await verifySignedCredential('not a jwt', jwks, none)).toMatchObject({ reason: 'malformed' });
		const hs = `${Buffer.from('{"alg":"HS256","kid":"org-2026"}').toString('base64url')}.e30.c2ln`;
		expect(await verifySignedCredential(hs, jwks, none)).toMatchObject({ reason: 'malformed' });
		await expect(signCredential(credential, org.publicJwk)).rejects.toThrow(/private key/);
		expect(JwksSchema.safeParse({ keys: [org.privateJwk] }).success).toBe(false);
	});
});
