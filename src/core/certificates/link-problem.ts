/**
 * A thin check on a verification link's record (#r=…) after it unpacks and before the credential
 * pipeline (verify.ts) reads it: when what unpacked is not JSON at all, a character of the link was
 * changed (a one-letter typo still unpacks, into nonsense), and the person should be told that about
 * the link rather than what a JSON parser makes of the nonsense.
 */
import { problemDetail } from '../envelope/messages.ts';
import { readUntrustedJson } from '../envelope/untrusted-json.ts';

/** What to tell someone whose verification link was altered. */
export const ALTERED_LINK_MESSAGE =
	'This verification link was altered: at least one character in it differs from the link the site made, so the record it carries cannot be read. Copy the whole link again from where you received it, or ask for the credential file.';

/** What is wrong with the text a verification link unpacked to, or undefined to check it as usual. */
export function linkRecordProblem(
	text: string,
	maxBytes: number,
): { message: string; detail?: string } | undefined {
	// Depth is left to the credential pipeline, which words it; 10 000 only bounds this check.
	const r = readUntrustedJson(text, { maxBytes, maxDepth: 10_000 });
	if (r.ok || (r.problem.code !== 'not-json' && r.problem.code !== 'looks-like')) return undefined;
	const detail = problemDetail(r.problem);
	return { message: ALTERED_LINK_MESSAGE, ...(detail ? { detail } : {}) };
}
