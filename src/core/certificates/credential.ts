/**
 * The Open Badges 3.0 credential for a certificate, and the way back from a credential (or a
 * verification link) to the record inside it.
 *
 * The record (claim + evidence, see certificates.ts) travels inside the credential as the `id` of
 * its first Evidence entry: a `data:application/json;base64,…` URI of the record's canonical JSON.
 * The credential's own `id` is a URN made from the record's digest, so changing the record (or
 * swapping in another) breaks the link between the two, and the verifier says so.
 *
 * Three forms, told apart by `Holder` (see signing.ts for the proofs):
 *   - self-issued (what the certificate page downloads): issuer and subject are the learner, named by
 *     the did:jwk of a key their browser made, and the credential is a VC-JWT signed with that key;
 *   - countersigned: issuer is the organisation (the site's address), subject the learner's did:jwk,
 *     signed by `npm run certify -- sign` with the organisation's published key;
 *   - legacy (made before credentials carried proofs): issuer the organisation, no subject id, no
 *     proof. Still built here so the verifier can recognise such files and say what they are.
 */
import { z } from '../../schemas/zod.ts';
import { base64ToBytes, bytesToBase64, MAX_UNPACKED_BYTES, packForLink } from '../envelope/link-codec.ts';
import { checkEnvelope, openEnvelope } from '../envelope/open.ts';
import { canonicalJson, digestOf } from '../quiz/evidence.ts';
import { certificateIdOf, credentialUrnOf } from './eligibility.ts';
import { credentialShapeText, recordProblemText } from './messages.ts';
import { type CertificateRecord, CertificateRecordSchema } from './record.ts';

/** Deepest nesting a record or credential may have (a record is about 8 levels deep). */
export const MAX_CREDENTIAL_DEPTH = 32;

export const OB3_CONTEXT = [
	'https://www.w3.org/ns/credentials/v2',
	'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
] as const;

/** Largest credential or record the verifier reads (a capstone with many retries is well under this). */
export { MAX_UNPACKED_BYTES as MAX_CREDENTIAL_BYTES } from '../envelope/link-codec.ts';

export interface CredentialContext {
	/** Site name and public address (origin + base path, ending in "/"). */
	site: { name: string; url: string };
	/** The organisation named as issuer. */
	organisation: string;
	title: string;
	description: string;
	provisions: string[];
	/** The criteria, when not the default (practitioner certificates: see site.ts, criteriaOf). */
	criteria?: string | undefined;
}

const toBase64 = (text: string) => bytesToBase64(new TextEncoder().encode(text));
const fromBase64 = (b64: string) => new TextDecoder('utf-8', { fatal: true }).decode(base64ToBytes(b64));

const DATA_PREFIX = 'data:application/json;base64,';

/** The page an achievement's credential points to: the principle, the certificates list, or the practitioner certificate. */
function achievementUrlOf(siteUrl: string, achievement: string): string {
	if (achievement === 'capstone') return `${siteUrl}certificates/`;
	if (achievement.startsWith('practitioner-')) return `${siteUrl}certificates/${achievement}/`;
	return `${siteUrl}principles/${Number(achievement.slice(1))}/`;
}

/**
 * Who issues a credential and who it is about. Absent: the legacy form (organisation as issuer, no
 * subject id, no proof), kept only so that old files are recognised.
 */
export type Holder =
	/** The learner issues it about themself; `did` is the did:jwk of the key that signs it. */
	| { form: 'self-issued'; did: string }
	/** The organisation issues it about the subject (the learner's did:jwk from their self-issued credential). */
	| { form: 'organisation'; subjectId: string };

/** The issuer profile of a self-issued credential: the learner, named as on the certificate. */
function selfIssuer(did: string, record: CertificateRecord) {
	const site = record.evidence.site;
	return {
		id: did,
		type: ['Profile'],
		name: record.evidence.learner.name,
		description: `The learner, self-issued with a key their browser made on ${site.name} (${site.url}). The signature shows the credential is unchanged since then; no organisation vouches for it.`,
	};
}

/**
 * A signed credential's `validFrom`: the record's date to the whole second, because OB 3.0 §8.2 says
 * the JWT's `nbf` (a whole number of seconds) converted back to a date MUST equal `validFrom`. The
 * legacy form keeps the record's date as it was (milliseconds included).
 */
export function signedValidFrom(earnedAt: string): string {
	return new Date(Math.floor(Date.parse(earnedAt) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** The OpenBadgeCredential (the JSON a VC-JWT carries) for an earned certificate. */
export async function buildCredential(record: CertificateRecord, ctx: CredentialContext, holder?: Holder) {
	const digest = await digestOf(record);
	const achievementUrl = achievementUrlOf(ctx.site.url, record.claim.achievement);
	const subjectId =
		holder?.form === 'self-issued'
			? holder.did
			: holder?.form === 'organisation'
				? holder.subjectId
				: undefined;
	return {
		'@context': [...OB3_CONTEXT],
		id: credentialUrnOf(digest),
		type: ['VerifiableCredential', 'OpenBadgeCredential'],
		name: `${ctx.title}: certificate of completion`,
		issuer:
			holder?.form === 'self-issued'
				? selfIssuer(holder.did, record)
				: { id: ctx.site.url, type: ['Profile'], name: ctx.organisation, url: ctx.site.url },
		validFrom: holder ? signedValidFrom(record.claim.earnedAt) : record.claim.earnedAt,
		credentialSubject: {
			...(subjectId === undefined ? {} : { id: subjectId }),
			type: ['AchievementSubject'],
			identifier: [
				{
					type: 'IdentityObject',
					identityType: 'name',
					hashed: false,
					identityHash: record.evidence.learner.name,
				},
			],
			achievement: {
				id: achievementUrl,
				type: ['Achievement'],
				achievementType: 'Certificate',
				name: ctx.title,
				description: ctx.description,
				criteria: {
					narrative:
						(ctx.criteria ??
							'Every required module marked as read and its assessment passed on the published quiz revision.') +
						' Provisions covered: ' +
						ctx.provisions.join(', '),
				},
				tag: ctx.provisions.map((p) => `provision ${p}`),
			},
			result: [{ type: ['Result'], value: `${Math.round(record.claim.score * 100)}%` }],
		},
		evidence: [
			{
				id: `${DATA_PREFIX}${toBase64(canonicalJson(record))}`,
				type: ['Evidence'],
				name: `Assessment record ${certificateIdOf(digest)}`,
				description: `Answers, quiz revisions and dates; SHA-256 of its canonical JSON (RFC 8785): ${digest}`,
				genre: 'Assessment record',
			},
		],
	};
}
export type Credential = Awaited<ReturnType<typeof buildCredential>>;

/** Just the parts of a credential the verifier reads; anything else may be present. */
const CredentialShape = z.looseObject({
	id: z.string(),
	type: z.array(z.string()).refine((t) => t.includes('OpenBadgeCredential'), {
		error: 'it is not an OpenBadgeCredential',
	}),
	validFrom: z.string(),
	credentialSubject: z.looseObject({
		identifier: z.array(z.looseObject({ identityType: z.string(), identityHash: z.string() })).min(1),
		achievement: z.looseObject({ id: z.string(), name: z.string() }),
	}),
	evidence: z.array(z.looseObject({ id: z.string() })).min(1),
});

export type Opened =
	| {
			ok: true;
			record: CertificateRecord;
			digest: string;
			credential: Record<string, unknown> | undefined;
			problems: string[];
	  }
	| { ok: false; message: string };

/** Reads a record from its canonical-JSON form (as carried in credentials and links). */
export function parseRecord(
	text: string,
): { ok: true; record: CertificateRecord } | { ok: false; message: string } {
	const r = openEnvelope(text, {
		limits: { maxBytes: MAX_UNPACKED_BYTES, maxDepth: MAX_CREDENTIAL_DEPTH },
		schema: CertificateRecordSchema,
	});
	return r.ok ? { ok: true, record: r.value } : { ok: false, message: recordProblemText(r.problem) };
}

/**
 * Opens an unsigned credential: finds the record inside and checks that the credential says what
 * the record says (id from the digest, name, achievement, date).
 */
export async function openCredential(value: unknown): Promise<Opened> {
	const shape = checkEnvelope(value, { schema: CredentialShape });
	if (!shape.ok) return { ok: false, message: credentialShapeText(shape.problem) };
	const c = shape.value;
	const dataUri = c.evidence.map((e) => e.id).find((id) => id.startsWith(DATA_PREFIX));
	if (!dataUri)
		return { ok: false, message: 'The credential carries no assessment record, so it cannot be checked.' };
	let text: string;
	try {
		text = fromBase64(dataUri.slice(DATA_PREFIX.length));
	} catch {
		return {
			ok: false,
			message: 'The assessment record inside the credential is damaged (not valid base64 UTF-8).',
		};
	}
	const parsed = parseRecord(text);
	if (!parsed.ok) return { ok: false, message: `The credential was edited or damaged: ${parsed.message}.` };
	const record = parsed.record;
	const digest = await digestOf(record);
	const problems: string[] = [];
	if (c.id !== credentialUrnOf(digest)) {
		problems.push('The credential id does not match its assessment record: one of them was changed.');
	}
	const name = c.credentialSubject.identifier.find((i) => i.identityType === 'name')?.identityHash;
	if (name !== record.evidence.learner.name) {
		problems.push(`The name on the credential (${JSON.stringify(name)}) is not the name in its record.`);
	}
	const a = record.claim.achievement;
	const expectedEnd = achievementUrlOf('/', a);
	if (!c.credentialSubject.achievement.id.endsWith(expectedEnd)) {
		problems.push('The achievement named on the credential is not the one its record backs.');
	}
	if (c.validFrom !== record.claim.earnedAt && c.validFrom !== signedValidFrom(record.claim.earnedAt)) {
		problems.push('The date on the credential is not the date in its record.');
	}
	return { ok: true, record, digest, credential: value as Record<string, unknown>, problems };
}

/** The fragment of a verification link for a record: `#r=<packed canonical JSON>`. */
export async function recordLinkFragment(record: CertificateRecord): Promise<string> {
	return `r=${await packForLink(canonicalJson(record))}`;
}

/** A compact JWS (a countersigned credential): three base64url parts. */
export const looksLikeJwt = (text: string) =>
	/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(text.trim());
