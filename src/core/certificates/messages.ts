/**
 * Words for the certificates feature where untrusted input is refused: a credential or record
 * that cannot be opened. Core code returns problem codes (core/envelope/open.ts); this file says
 * them.
 */

import { jsonProblemClause } from '../envelope/messages.ts';
import type { EnvelopeProblem } from '../envelope/open.ts';
import { recognisedSentence } from '../envelope/sniff.ts';
import type { JsonProblem } from '../envelope/untrusted-json.ts';

/** One claim on the outside of a credential that its record does not back. */
export interface ClaimMismatch {
	/** JSON path of the field, e.g. `credentialSubject.result[0].value`. */
	field: string;
	/** What the field is, in words: "score", "learner's name"… */
	label: string;
	/** What the credential says (undefined: the field is missing). */
	says: unknown;
	/** What the record re-derives (undefined: the site never writes this field). */
	expected: unknown;
}

/** Text given to the verify page (a file, pasted text, a link) that is not JSON we can read. */
export function credentialTextProblem(p: JsonProblem): string {
	switch (p.code) {
		case 'too-large':
			return 'This is far larger than any credential.';
		case 'crafted':
			return 'This file looks crafted (it contains a "__proto__" key), so it was not read.';
		case 'looks-like':
			return `${recognisedSentence(p.what, 'a credential')} Choose the credential file (.json, or .jwt when countersigned) or open the verification link you were given.`;
		case 'too-deep':
			return 'This is neither a credential file (JSON) nor a countersigned credential (JWT).';
		case 'not-json':
			return 'This looks like a data file (JSON) but it is damaged or was edited, so it cannot be read as a credential. Ask for the credential file again.';
	}
}

/** A record (inside a credential or a link) that cannot be read; completes "…: <this>." */
export function recordProblemText(p: EnvelopeProblem): string {
	switch (p.code) {
		case 'too-large':
		case 'too-deep':
		case 'crafted':
		case 'looks-like':
		case 'not-json':
			return `the record is not valid JSON (${jsonProblemClause(p)})`;
		case 'invalid':
			return `the record is not in the expected form (${p.issues})`;
		default:
			return 'the record is not in the expected form ((top level): it is not a JSON object)';
	}
}

/** JSON that is not an Open Badges credential this site made. */
export function credentialShapeText(p: EnvelopeProblem): string {
	const why = p.code === 'invalid' ? p.issues : '(top level): it is not a JSON object';
	return `This is not a Secure AI Academy credential (${why}).`;
}

/** What a credential field is, in words, by its JSON path. */
const LABELS: [RegExp, string][] = [
	[/^credentialSubject\.result/, 'score'],
	[/^credentialSubject\.identifier/, 'learner’s name'],
	[/^credentialSubject\.achievement\.(tag|criteria)/, 'provisions covered'],
	[/^credentialSubject\.achievement\.id/, 'achievement (principle)'],
	[/^credentialSubject\.achievement/, 'achievement'],
	[/^credentialSubject|^sub$/, 'subject'],
	[/^validFrom/, 'date earned'],
	[/^issuer|^iss$/, 'issuer'],
	[/^evidence/, 'evidence description'],
	[/^id$|^jti$/, 'credential id'],
	[/^name$/, 'certificate name'],
	[/^nbf$/, 'date earned'],
	[/^@context|^type/, 'credential type'],
];
export const labelOf = (field: string) => LABELS.find(([re]) => re.test(field))?.[1] ?? 'field';

const show = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v));

export function mismatchText(m: ClaimMismatch): string {
	if (m.field === 'id' && typeof m.expected === 'string')
		return `The credential id does not match its assessment record (field id): one of them was changed (it says ${show(m.says)}; the record gives ${show(m.expected)}).`;
	if (m.expected === undefined && m.field.endsWith(']'))
		return `The credential’s ${m.label} (${m.field}) adds ${show(m.says)}, which its record does not give.`;
	if (m.expected === undefined)
		return `The credential carries a field this site never writes: ${m.field} (${show(m.says)}).`;
	if (m.says === undefined)
		return `The credential’s ${m.label} (${m.field}) is missing; its record gives ${show(m.expected)}.`;
	return `The credential’s ${m.label} (${m.field}) says ${show(m.says)}, but its record gives ${show(m.expected)}.`;
}
