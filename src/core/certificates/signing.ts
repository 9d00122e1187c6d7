/**
 * Proofs for certificates: every credential this site or its organisation hands out is a VC-JWT as
 * Open Badges 3.0 §8.2 ("JSON Web Token Proof Format") describes it:
 *   - the OpenBadgeCredential is the JWT payload (at the top level, not under `vc`), with the claims
 *     `iss` = issuer.id, `jti` = id, `nbf` = validFrom, `sub` = credentialSubject.id (and `exp` =
 *     validUntil when there is one);
 *   - the JOSE header holds only `alg`, `typ` ("JWT") and either `kid` (a URI that dereferences to the
 *     public JWK) or `jwk` (the public key itself); no other header is allowed;
 *   - `alg` is ES256 (ECDSA P-256 with SHA-256): one of the two algorithms 1EdTech's validator
 *     accepts (RS256 or ES256), and the one Web Crypto makes quickly in every browser.
 *
 * Two forms:
 *   - SELF-ISSUED (made in the learner's browser): a fresh P-256 key pair per credential; the issuer and
 *     the subject are the learner, named by `did:jwk:` of the public key, and the header carries that
 *     key as `jwk`. The signature shows the credential has not changed since the browser made it; it
 *     does not show that anyone vouches for it.
 *   - COUNTERSIGNED (by the organisation, `npm run certify -- sign`): issuer = the site's address,
 *     `kid` = the https address of the public key file the site publishes (keys/<name>.jwk.json),
 *     subject = the learner's did:jwk carried over from their self-issued credential.
 *
 * All cryptography is done by `jose` over Web Crypto; nothing here is hand-made.
 *
 * The site publishes the organisation's public keys as a JWKS at `keys/jwks.json` (the verify page
 * trusts only those), each also alone at its `kid` address, and a static revocation list at
 * `keys/revoked.json`:
 *   { "keys": ["<kid of a compromised key>"], "credentials": [{ "id": "urn:uuid:…", "reason": "…" }] }
 * See docs/certificates.md for key generation, rotation and revocation.
 */

import {
	base64url,
	calculateJwkThumbprint,
	decodeProtectedHeader,
	exportJWK,
	generateKeyPair,
	importJWK,
	type JWK,
	type JWTPayload,
	jwtVerify,
	SignJWT,
} from 'jose';
import { z } from '../../schemas/zod.ts';
import { looksLikeJwt } from './credential.ts';

/** The one signing algorithm: ECDSA P-256 / SHA-256 (OB 3.0 §8.2 permits it; 1EdTech's validator accepts RS256 or ES256). */
export const ALGORITHM = 'ES256';
/** Algorithms of earlier countersigned credentials from this site, named in the refusal. */
const LEGACY_ALGORITHMS = ['EdDSA'];
/** The JOSE headers OB 3.0 §8.2 allows ("Additional JOSE Headers are NOT allowed"). */
const ALLOWED_HEADERS = new Set(['alg', 'kid', 'jwk', 'typ']);

const b64 = (n: number) => z.string().regex(new RegExp(`^[A-Za-z0-9_-]{${n}}$`));

/** A public P-256 key as a JWK: never a private key (a JWK with `d` is refused). */
export const PublicEcJwkSchema = z
	.looseObject({ kty: z.literal('EC'), crv: z.literal('P-256'), x: b64(43), y: b64(43) })
	.refine((k) => !('d' in k), { error: 'a published key must not contain a private key ("d")' });

/** A key in the site's published key set: its `kid` is the https address it is served at. */
export const PublishedKeySchema = PublicEcJwkSchema.and(
	z.looseObject({ kid: z.url({ protocol: /^https?$/ }).max(500) }),
);

/** A key of the Ed25519 era (before OB 3.0 §8.2 was followed): still readable, never trusted to verify. */
const LegacyKeySchema = z
	.looseObject({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), kid: z.string().min(1).max(200) })
	.refine((k) => !('d' in k), { error: 'a published key set must not contain a private key ("d")' });

export const JwksSchema = z.strictObject({
	keys: z.array(z.union([PublishedKeySchema, LegacyKeySchema])),
});
export type Jwks = z.output<typeof JwksSchema>;

export const RevocationListSchema = z.strictObject({
	/** Key ids that must no longer be trusted (compromised keys). */
	keys: z.array(z.string().max(500)).default([]),
	/** Credentials withdrawn one by one. */
	credentials: z
		.array(
			z.strictObject({
				id: z.string().max(200),
				reason: z.string().max(500).optional(),
				date: z.string().max(40).optional(),
			}),
		)
		.default([]),
});
export type RevocationList = z.output<typeof RevocationListSchema>;

export interface KeyPair {
	privateJwk: JWK;
	publicJwk: JWK;
}

/** The https address of an organisation key's public file: `<site url>keys/<name>.jwk.json`. */
export function organisationKidOf(siteUrl: string, name: string): string {
	return new URL(`keys/${encodeURIComponent(name)}.jwk.json`, siteUrl).href;
}

/** A new P-256 key pair for the organisation, both halves as JWKs with the given key id (a URL). */
export async function generateSigningKey(kid: string): Promise<KeyPair> {
	const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
	const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: ALGORITHM, use: 'sig' };
	const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' };
	return { privateJwk, publicJwk };
}

/** `did:jwk:` of a public key (the did:jwk method: base64url of the key's JSON, members in JCS order). */
export function didJwkOf(jwk: JWK): string {
	const { crv, kty, x, y } = jwk;
	return `did:jwk:${base64url.encode(JSON.stringify({ crv, kty, x, y }))}`;
}

/** A learner's key for one self-issued credential: the private half never leaves Web Crypto. */
export interface LearnerKey {
	privateKey: CryptoKey;
	publicJwk: JWK;
	/** did:jwk of the public key: the learner as issuer and subject. */
	did: string;
}

/** A fresh P-256 key pair made in this browser (or Node) for one self-issued credential. */
export async function generateLearnerKey(): Promise<LearnerKey> {
	const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: false });
	const { kty, crv, x, y } = await exportJWK(publicKey);
	const publicJwk = { kty, crv, x, y } as JWK;
	return { privateKey, publicJwk, did: didJwkOf(publicJwk) };
}

interface SignableCredential {
	id: string;
	validFrom: string;
	validUntil?: string;
	issuer: { id: string };
	credentialSubject: { id?: string };
	[k: string]: unknown;
}

const secondsOf = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** The credential as a JWT payload with the registered claims OB 3.0 §8.2 requires. */
function jwtOf(credential: SignableCredential): SignJWT {
	const sub = credential.credentialSubject.id;
	if (!sub) throw new Error('the credential has no credentialSubject.id, which a VC-JWT needs as "sub"');
	const jwt = new SignJWT(credential as unknown as JWTPayload)
		.setIssuer(credential.issuer.id)
		.setJti(credential.id)
		.setSubject(sub)
		.setNotBefore(secondsOf(credential.validFrom));
	return credential.validUntil ? jwt.setExpirationTime(secondsOf(credential.validUntil)) : jwt;
}

/** Signs a self-issued credential with the learner's browser-made key (header: alg, typ, jwk). */
export async function signSelfIssued(credential: SignableCredential, key: LearnerKey): Promise<string> {
	if (credential.issuer.id !== key.did || credential.credentialSubject.id !== key.did)
		throw new Error('a self-issued credential names the signing key (did:jwk) as its issuer and subject');
	return jwtOf(credential)
		.setProtectedHeader({ alg: ALGORITHM, typ: 'JWT', jwk: key.publicJwk })
		.sign(key.privateKey);
}

/** Signs a credential as a VC-JWT with the organisation's private key (header: alg, typ, kid). */
export async function signCredential(credential: SignableCredential, privateJwk: JWK): Promise<string> {
	if (!privateJwk.kid)
		throw new Error('the private key has no "kid": generate keys with `npm run certify -- keygen`');
	if (!privateJwk.d) throw new Error('this is a public key: signing needs the private key file');
	if (privateJwk.kty !== 'EC' || privateJwk.crv !== 'P-256')
		throw new Error(
			`this key is ${String(privateJwk.kty)}/${String(privateJwk.crv)}; credentials are signed with ES256 (P-256): make a new key with \`npm run certify -- keygen\``,
		);
	const key = await importJWK(privateJwk, ALGORITHM);
	return jwtOf(credential).setProtectedHeader({ alg: ALGORITHM, typ: 'JWT', kid: privateJwk.kid }).sign(key);
}

export type SignatureResult =
	| {
			ok: true;
			form: 'self-issued' | 'organisation';
			payload: Record<string, unknown>;
			/** The key: its URL (organisation) or did:jwk (self-issued). */
			kid: string;
			thumbprint: string;
	  }
	| {
			ok: false;
			reason:
				| 'malformed'
				| 'unknown-key'
				| 'bad-signature'
				| 'revoked-key'
				| 'revoked-credential'
				| 'expired'
				| 'old-format';
			message: string;
	  };

type Failure = Extract<SignatureResult, { ok: false }>;
const fail = (reason: Failure['reason'], message: string): Failure => ({ ok: false, reason, message });

/** Which form a VC-JWT claims to be, from its header alone (before any check). */
export function formOf(jwt: string): 'self-issued' | 'organisation' | undefined {
	try {
		const h = decodeProtectedHeader(jwt.trim());
		return h.jwk ? 'self-issued' : h.kid ? 'organisation' : undefined;
	} catch {
		return undefined;
	}
}

/** The header rules of OB 3.0 §8.2, with a plain message for each. */
function headerProblem(token: string): Failure | { header: ReturnType<typeof decodeProtectedHeader> } {
	if (!looksLikeJwt(token))
		return fail('malformed', 'This is not a signed credential (a JWT has three dot-separated parts).');
	let header: ReturnType<typeof decodeProtectedHeader>;
	try {
		header = decodeProtectedHeader(token);
	} catch {
		return fail('malformed', 'The signed credential’s header is damaged.');
	}
	if (typeof header.alg === 'string' && LEGACY_ALGORITHMS.includes(header.alg))
		return fail(
			'old-format',
			`This credential was countersigned with ${header.alg}, before this site followed Open Badges 3.0 §8.2 (ES256 or RS256). It is not forged, but it can no longer be checked: ask the organisation to sign it again.`,
		);
	if (header.alg !== ALGORITHM)
		return fail(
			'malformed',
			`The credential is signed with ${String(header.alg)}; this site accepts only ${ALGORITHM} (ECDSA P-256).`,
		);
	const extra = Object.keys(header).filter((k) => !ALLOWED_HEADERS.has(k));
	if (extra.length)
		return fail(
			'malformed',
			`The signed credential’s header has ${extra.join(', ')}, which Open Badges 3.0 does not allow.`,
		);
	if (header.typ !== undefined && header.typ !== 'JWT')
		return fail('malformed', `The signed credential’s header says typ "${String(header.typ)}", not "JWT".`);
	if (header.jwk && header.kid)
		return fail('malformed', 'The signed credential names its key twice (both "kid" and "jwk").');
	return { header };
}

/** Verifies the signature and the JWT claims (`exp` is enforced; `nbf` is the issue date, not checked against the clock here). */
async function verifyWith(token: string, key: CryptoKey | Uint8Array): Promise<Failure | JWTPayload> {
	try {
		const { payload } = await jwtVerify(token, key, {
			algorithms: [ALGORITHM],
			// nbf is the credential's validFrom; a clock a little behind the learner's must not refuse it.
			clockTolerance: 300,
			requiredClaims: ['iss', 'jti', 'nbf', 'sub'],
		});
		return payload;
	} catch (e) {
		const code = (e as { code?: string }).code;
		if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED')
			return fail(
				'bad-signature',
				'The signature does not match the content: the credential was changed after it was signed.',
			);
		if (code === 'ERR_JWT_EXPIRED')
			return fail('expired', 'This credential has expired (its "exp" date has passed).');
		const claim = (e as { claim?: string }).claim;
		if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && claim && ['iss', 'jti', 'nbf', 'sub'].includes(claim))
			return fail(
				'malformed',
				`The signed credential has no "${claim}" claim, which Open Badges 3.0 §8.2 requires.`,
			);
		return fail('malformed', `The signed credential could not be read (${(e as Error).message}).`);
	}
}

const isFailure = (v: unknown): v is Failure =>
	typeof v === 'object' && v !== null && (v as { ok?: unknown }).ok === false;

/** The claims OB 3.0 §8.2 ties to the credential: iss, sub, jti and nbf must repeat its fields. */
function claimProblem(payload: JWTPayload): Failure | undefined {
	const c = payload as JWTPayload & {
		id?: unknown;
		validFrom?: unknown;
		issuer?: { id?: unknown };
		credentialSubject?: { id?: unknown };
	};
	if (payload.jti !== c.id) return fail('malformed', 'The token id (jti) is not the credential id.');
	if (payload.iss !== c.issuer?.id)
		return fail('malformed', 'The token issuer (iss) is not the credential’s issuer.');
	if (payload.sub !== c.credentialSubject?.id)
		return fail(
			'malformed',
			'The token subject (sub) is not the credential’s subject (credentialSubject.id).',
		);
	if (typeof c.validFrom !== 'string' || payload.nbf !== secondsOf(c.validFrom))
		return fail('malformed', 'The token date (nbf) is not the credential’s date (validFrom).');
	return undefined;
}

/**
 * Checks a self-issued VC-JWT: the key in its header must be the one its issuer (a did:jwk) names,
 * and the issuer must be its subject. Needs nothing from any server.
 */
export async function verifySelfIssued(jwt: string): Promise<SignatureResult> {
	const token = jwt.trim();
	const h = headerProblem(token);
	if ('ok' in h) return h;
	const jwk = h.header.jwk;
	if (!jwk)
		return fail('malformed', 'A self-issued credential carries its public key in the header ("jwk").');
	const parsed = PublicEcJwkSchema.safeParse(jwk);
	if (!parsed.success)
		return fail('malformed', 'The key in the credential’s header is not a public P-256 key.');
	const payload = await verifyWith(token, (await importJWK(jwk, ALGORITHM)) as CryptoKey);
	if (isFailure(payload)) return payload;
	const did = didJwkOf(jwk);
	if (payload.iss !== did)
		return fail(
			'malformed',
			'The credential names an issuer other than the key that signed it, so it is not self-issued as it claims.',
		);
	if (payload.sub !== did)
		return fail('malformed', 'A self-issued credential’s subject must be its issuer (the learner).');
	const claims = claimProblem(payload);
	if (claims) return claims;
	return {
		ok: true,
		form: 'self-issued',
		payload: payload as Record<string, unknown>,
		kid: did,
		thumbprint: await calculateJwkThumbprint(jwk),
	};
}

/**
 * Checks an organisation's VC-JWT against the site's published keys and revocation list. Only keys
 * in the site's JWKS are trusted (matched by `kid`); a key embedded in the token is not.
 */
export async function verifySignedCredential(
	jwt: string,
	jwks: Jwks,
	revoked: RevocationList,
): Promise<SignatureResult> {
	const token = jwt.trim();
	const h = headerProblem(token);
	if ('ok' in h) return h;
	const kid = h.header.kid;
	if (!kid)
		return fail(
			'malformed',
			h.header.jwk
				? 'This credential is self-issued (it carries its own key), not countersigned.'
				: 'The signed credential does not say which key signed it (no "kid").',
		);
	if (revoked.keys.includes(kid))
		return fail(
			'revoked-key',
			`The key "${kid}" that signed this credential has been revoked by the organisation; ask for a newly signed credential.`,
		);
	const key = jwks.keys.find((k) => k.kid === kid);
	if (key?.kty !== 'EC')
		return fail(
			'unknown-key',
			`The key "${kid}" is not one this site publishes, so the signature cannot be trusted here.`,
		);
	const payload = await verifyWith(token, (await importJWK(key as JWK, ALGORITHM)) as CryptoKey);
	if (isFailure(payload)) return payload;
	const withdrawn = revoked.credentials.find(
		(c) => c.id === payload.jti || c.id === (payload as { id?: unknown }).id,
	);
	if (withdrawn)
		return fail(
			'revoked-credential',
			`The organisation has revoked this credential${withdrawn.reason ? `: ${withdrawn.reason}` : ''}.`,
		);
	const claims = claimProblem(payload);
	if (claims) return claims;
	return {
		ok: true,
		form: 'organisation',
		payload: payload as Record<string, unknown>,
		kid,
		thumbprint: await calculateJwkThumbprint(key as JWK),
	};
}
