/**
 * Words for the certificates feature where untrusted input is refused: a credential or record
 * that cannot be opened. Core code returns problem codes (core/envelope/open.ts); this file says
 * them.
 */
import type { EnvelopeProblem } from '../envelope/open.ts';
import { jsonProblemClause } from '../envelope/messages.ts';
import type { JsonProblem } from '../envelope/untrusted-json.ts';

/** Text given to the verify page (a file, pasted text, a link) that is not JSON we can read. */
export function credentialTextProblem(p: JsonProblem): string {
	switch (p.code) {
		case 'too-large':
			return 'This is far larger than any credential.';
		case 'crafted':
			return 'This file looks crafted (it contains a "__proto__" key), so it was not read.';
		case 'too-deep':
		case 'not-json':
			return 'This is neither a credential file (JSON) nor a countersigned credential (JWT).';
	}
}

/** A record (inside a credential or a link) that cannot be read; completes "…: <this>." */
export function recordProblemText(p: EnvelopeProblem): string {
	switch (p.code) {
		case 'too-large':
		case 'too-deep':
		case 'crafted':
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
