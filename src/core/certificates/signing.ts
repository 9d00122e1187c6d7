/**
 * Organisation countersigning: an OpenBadgeCredential signed as a VC-JWT (Open Badges 3.0 §8.2:
 * the credential is the JWT payload, with `iss`, `jti` and `nbf` taken from it) using Ed25519
 * ("EdDSA"). All cryptography is done by `jose` over Web Crypto; nothing here is hand-made.
 *
 * Keys: the organisation keeps its private key off the site. The site publishes the public keys
 * as a JWKS at `keys/jwks.json` and a static revocation list at `keys/revoked.json`:
 *   { "keys": ["<kid of a compromised key>"], "credentials": [{ "id": "urn:uuid:…", "reason": "…" }] }
 * See docs/certificates.md for key generation, rotation and revocation.
 */

import {
	calculateJwkThumbprint,
	createLocalJWKSet,
	decodeProtectedHeader,
	exportJWK,
	generateKeyPair,
	importJWK,
	type JWK,
	jwtVerify,
	SignJWT,
} from 'jose';
import { z } from '../../schemas/zod.ts';
import { looksLikeJwt } from './credential.ts';

export const ALGORITHM = 'EdDSA';

export const JwksSchema = z.strictObject({
	keys: z.array(
		z
			.looseObject({
				kty: z.literal('OKP'),
				crv: z.literal('Ed25519'),
				x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
				kid: z.string().min(1).max(200),
			})
			/** Never a private key: a JWKS with `d` is refused. */
			.refine((k) => !('d' in k), { error: 'a published key set must not contain a private key ("d")' }),
	),
});
export type Jwks = z.output<typeof JwksSchema>;

export const RevocationListSchema = z.strictObject({
	/** Key ids that must no longer be trusted (compromised keys). */
	keys: z.array(z.string().max(200)).default([]),
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

/** A new Ed25519 key pair, both halves as JWKs with the given key id. */
export async function generateSigningKey(kid: string): Promise<KeyPair> {
	const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { crv: 'Ed25519', extractable: true });
	const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: ALGORITHM, use: 'sig' };
	const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' };
	return { privateJwk, publicJwk };
}

interface SignableCredential {
	id: string;
	validFrom: string;
	issuer: { id: string; name: string };
	[k: string]: unknown;
}

/** Signs a credential as a VC-JWT with the organisation's private key. */
export async function signCredential(credential: SignableCredential, privateJwk: JWK): Promise<string> {
	if (!privateJwk.kid)
		throw new Error('the private key has no "kid": generate keys with `npm run certify -- keygen`');
	if (!privateJwk.d) throw new Error('this is a public key: signing needs the private key file');
	const key = await importJWK(privateJwk, ALGORITHM);
	return new SignJWT(credential as unknown as Record<string, unknown>)
		.setProtectedHeader({ alg: ALGORITHM, typ: 'JWT', kid: privateJwk.kid })
		.setIssuer(credential.issuer.id)
		.setJti(credential.id)
		.setNotBefore(Math.floor(Date.parse(credential.validFrom) / 1000))
		.sign(key);
}

export type SignatureResult =
	| { ok: true; payload: Record<string, unknown>; kid: string; thumbprint: string }
	| {
			ok: false;
			reason: 'malformed' | 'unknown-key' | 'bad-signature' | 'revoked-key' | 'revoked-credential';
			message: string;
	  };

/**
 * Checks a VC-JWT against the site's published keys and revocation list. Only keys in the site's
 * JWKS are trusted; a key embedded in the token itself is ignored.
 */
export async function verifySignedCredential(
	jwt: string,
	jwks: Jwks,
	revoked: RevocationList,
): Promise<SignatureResult> {
	const token = jwt.trim();
	if (!looksLikeJwt(token)) {
		return {
			ok: false,
			reason: 'malformed',
			message: 'This is not a signed credential (a JWT has three dot-separated parts).',
		};
	}
	let kid: string | undefined;
	try {
		const header = decodeProtectedHeader(token);
		kid = header.kid;
		if (header.alg !== ALGORITHM) {
			return {
				ok: false,
				reason: 'malformed',
				message: `The credential is signed with ${String(header.alg)}; this site accepts only ${ALGORITHM} (Ed25519).`,
			};
		}
	} catch {
		return { ok: false, reason: 'malformed', message: 'The signed credential’s header is damaged.' };
	}
	if (!kid)
		return {
			ok: false,
			reason: 'malformed',
			message: 'The signed credential does not say which key signed it (no "kid").',
		};
	if (revoked.keys.includes(kid)) {
		return {
			ok: false,
			reason: 'revoked-key',
			message: `The key "${kid}" that signed this credential has been revoked by the organisation; ask for a newly signed credential.`,
		};
	}
	const key = jwks.keys.find((k) => k.kid === kid);
	if (!key) {
		return {
			ok: false,
			reason: 'unknown-key',
			message: `The key "${kid}" is not one this site publishes, so the signature cannot be trusted here.`,
		};
	}
	try {
		const { payload } = await jwtVerify(token, createLocalJWKSet({ keys: [key as JWK] }), {
			algorithms: [ALGORITHM],
		});
		const jti = typeof payload.jti === 'string' ? payload.jti : undefined;
		const withdrawn = revoked.credentials.find((c) => c.id === jti || c.id === payload.id);
		if (withdrawn) {
			return {
				ok: false,
				reason: 'revoked-credential',
				message: `The organisation has revoked this credential${withdrawn.reason ? `: ${withdrawn.reason}` : ''}.`,
			};
		}
		if (payload.jti !== payload.id) {
			return { ok: false, reason: 'malformed', message: 'The token id (jti) is not the credential id.' };
		}
		return {
			ok: true,
			payload: payload as Record<string, unknown>,
			kid,
			thumbprint: await calculateJwkThumbprint(key as JWK),
		};
	} catch (e) {
		const code = (e as { code?: string }).code;
		return {
			ok: false,
			reason: code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' ? 'bad-signature' : 'malformed',
			message:
				code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'
					? 'The signature does not match the content: the credential was changed after it was signed.'
					: `The signed credential could not be read (${(e as Error).message}).`,
		};
	}
}
