/**
 * Words for the problems the untrusted-data pipeline (open.ts) reports, where every feature says
 * the same thing. Features add their own context and advice in their messages.ts.
 */
import { recognisedClause } from './sniff.ts';
import type { JsonProblem } from './untrusted-json.ts';

export const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 1)} MB`;

/** "it is …": why JSON was not read, as a clause. */
export function jsonProblemClause(p: JsonProblem): string {
	switch (p.code) {
		case 'too-large':
			return `it is ${megabytes(p.bytes)}, over the limit of ${megabytes(p.maxBytes)}`;
		case 'too-deep':
			return `it is nested more than ${p.maxDepth} levels deep, which no file made by this site is`;
		case 'crafted':
			return 'it contains a "__proto__" key, so it was crafted or edited';
		case 'looks-like':
			return recognisedClause(p.what);
		case 'not-json':
			return 'it is not valid JSON: it was damaged or edited';
	}
}

/**
 * The parser's own words for a problem, if any ("Unterminated string in JSON at position 200"):
 * for a "Technical detail" disclosure, never for the headline.
 */
export function problemDetail(p: { code: string; detail?: string }): string | undefined {
	return p.detail;
}
