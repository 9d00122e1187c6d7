/**
 * Assignment links: an assignment packed into the fragment of a URL, so it travels by chat, email
 * or a printed QR code and no server ever sees it (browsers do not send the fragment).
 *
 *   <site>/assignments/open/#a=<packed>
 *
 * <packed> is `packForLink` (deflate-raw + base64url, src/core/envelope/link-codec.ts) of the JSON
 *
 *   { "v": 1, "a": { "title": "…", "due": "2027-03-31", "note": "…", "items": [{ "path": "developer" }] },
 *     "s": "<16 hex digits>" }
 *
 * v  the link format version. A link of a newer version is refused with a message saying so; when
 *    the format changes, add the next version here and keep reading the older ones.
 *      1: the first format.
 *      2: the assignment may hold `labs` (lab ids). A link is written as version 2 only when it
 *         holds labs, so every other link stays version 1 and still opens on a site that reads
 *         only version 1; such a site refuses a version 2 link as "made by a newer version"
 *         instead of failing on the unknown field. A version 1 link that holds `labs` was not
 *         made by any version of this site and is refused as invalid.
 * a  the assignment (src/schemas/assignment.ts), exactly as the manager typed it: nothing else
 *    (no name, no address, no time) is added.
 * s  a check value: the first 16 hex digits of the SHA-256 of the assignment's RFC 8785 canonical
 *    JSON. It catches links damaged or edited by hand; it is not a signature (anyone can compute it).
 *    It is also the assignment's identity: the learner's progress keeps it under `link-<s>`.
 */

import { type AssignmentSpec, AssignmentSpecSchema } from '../../schemas/assignment.ts';
import { z } from '../../schemas/zod.ts';
import { packForLink, unpackFromLink } from '../envelope/link-codec.ts';
import { jsonProblemClause } from '../envelope/messages.ts';
import { openEnvelope } from '../envelope/open.ts';
import { digestOf } from '../quiz/evidence.ts';

/** The newest link format this site reads and writes (see `v` above). */
export const ASSIGNMENT_LINK_VERSION = 2;
/** The format of a link without labs: written as version 1 so older sites still open it. */
export const linkVersionOf = (spec: AssignmentSpec): 1 | 2 => (spec.labs === undefined ? 1 : 2);
/** Longest packed text accepted in a link (a full assignment with a long note packs to under 2,000). */
export const MAX_PACKED_CHARS = 6_000;
/** Largest unpacked JSON accepted. */
export const MAX_LINK_JSON_BYTES = 16 * 1024;
const MAX_LINK_DEPTH = 6;

export const AssignmentLinkSchema = z.strictObject({
	v: z.union([z.literal(1), z.literal(ASSIGNMENT_LINK_VERSION)]),
	a: AssignmentSpecSchema,
	s: z.string().regex(/^[0-9a-f]{16}$/, { error: 'the check value is not 16 hex digits' }),
});

/** The check value of an assignment (see `s` above). */
export async function checkValueOf(spec: AssignmentSpec): Promise<string> {
	return (await digestOf(spec)).slice(0, 16);
}

/** The key an assignment from a link is stored under in the learner's progress. */
export const linkAssignmentKey = (checkValue: string) => `link-${checkValue}`;

/** The packed text for `#a=…`. Throws if the assignment is not valid (the builder validates first). */
export async function packAssignment(spec: AssignmentSpec): Promise<string> {
	const a = AssignmentSpecSchema.parse(spec);
	return packForLink(JSON.stringify({ v: linkVersionOf(a), a, s: await checkValueOf(a) }));
}

export type LinkProblem =
	| 'empty'
	| 'malformed'
	| 'too-large'
	| 'damaged'
	| 'unknown-version'
	| 'invalid'
	| 'tampered';

export type OpenedLink =
	| { ok: true; assignment: AssignmentSpec; checkValue: string; key: string }
	| { ok: false; problem: LinkProblem; message: string };

const fail = (problem: LinkProblem, message: string): OpenedLink => ({ ok: false, problem, message });
const ASK = 'Nothing was added to your progress. Ask the person who sent it for a fresh link.';

/** The packed assignment in a URL fragment (`#a=…`, with or without the `#`), or undefined. */
export function packedFromFragment(fragment: string): string | undefined {
	const value = new URLSearchParams(fragment.replace(/^#/, '')).get('a');
	return value === null ? undefined : value;
}

/**
 * Opens the packed text of an assignment link. Every way a link can be wrong (empty, cut short,
 * oversized, edited, from a newer site) gives a message for the learner; nothing is thrown.
 */
export async function openAssignmentLink(packed: string | undefined): Promise<OpenedLink> {
	if (packed === undefined || packed.trim() === '') {
		return fail(
			'empty',
			'This address has no assignment in it. Open the full link you were sent (it ends in “#a=” and a long code).',
		);
	}
	if (packed.length > MAX_PACKED_CHARS) {
		return fail(
			'too-large',
			`This assignment link is ${packed.length.toLocaleString('en')} characters long, more than any assignment made by this site (${MAX_PACKED_CHARS.toLocaleString('en')}). ${ASK}`,
		);
	}
	if (!/^[A-Za-z0-9_-]+$/.test(packed)) {
		return fail(
			'malformed',
			`This assignment link contains characters an assignment link never has, so it was changed or damaged. ${ASK}`,
		);
	}
	let text: string;
	try {
		text = await unpackFromLink(packed, MAX_LINK_JSON_BYTES);
	} catch (e) {
		return e instanceof RangeError
			? fail('too-large', `This assignment link unpacks to more data than any assignment has. ${ASK}`)
			: fail(
					'damaged',
					`This assignment link is incomplete or damaged: it may have been cut off when it was copied. ${ASK}`,
				);
	}
	// The one pipeline for untrusted data (core/envelope/open.ts); the words stay here.
	const opened = openEnvelope(text, {
		limits: { maxBytes: MAX_LINK_JSON_BYTES, maxDepth: MAX_LINK_DEPTH },
		// Version 1 reads as version 2 unchanged (2 only adds the optional `labs`); the check below
		// refuses a version 1 link that holds labs.
		version: { field: 'v', current: ASSIGNMENT_LINK_VERSION, migrate: { 1: (a) => a } },
		schema: AssignmentLinkSchema,
	});
	if (!opened.ok) {
		const p = opened.problem;
		switch (p.code) {
			case 'too-large':
			case 'too-deep':
			case 'crafted':
			case 'looks-like':
			case 'not-json':
				return fail('damaged', `This assignment link cannot be read: ${jsonProblemClause(p)}. ${ASK}`);
			case 'newer-version':
				return fail(
					'unknown-version',
					`This assignment link was made by a newer version of the site (link format ${p.version}; this site reads format ${ASSIGNMENT_LINK_VERSION}). Open it on the site that made it, or ask for the site to be updated. Nothing was added to your progress.`,
				);
			case 'unknown-version':
				if (typeof p.version === 'number')
					return fail(
						'unknown-version',
						`This assignment link has format ${JSON.stringify(p.version)}, which no version of this site made. ${ASK}`,
					);
				return fail(
					'invalid',
					`This is not an assignment link made by this site (it has no format version). ${ASK}`,
				);
			case 'not-object':
			case 'wrong-format':
			case 'no-version':
				return fail(
					'invalid',
					`This is not an assignment link made by this site (it has no format version). ${ASK}`,
				);
			case 'invalid': {
				const first = p.error.issues[0];
				const where = first?.path.join('.') || '(top level)';
				return fail(
					'invalid',
					`This assignment link does not hold a valid assignment (${where}: ${first?.message}). ${ASK}`,
				);
			}
		}
	}
	const parsed = { data: opened.value };
	if (parsed.data.v === 1 && parsed.data.a.labs !== undefined) {
		return fail(
			'invalid',
			`This assignment link does not hold a valid assignment (labs: link format 1 has no labs, so no version of this site made it). ${ASK}`,
		);
	}
	const checkValue = await checkValueOf(parsed.data.a);
	if (checkValue !== parsed.data.s) {
		return fail(
			'tampered',
			`This assignment link was changed after it was made: its check value does not match what it says. ${ASK}`,
		);
	}
	return { ok: true, assignment: parsed.data.a, checkValue, key: linkAssignmentKey(checkValue) };
}
