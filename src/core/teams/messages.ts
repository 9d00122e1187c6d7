/**
 * Words for the teams feature: why a report file was rejected, as the manager reads it. Core code
 * (report.ts, through core/envelope/open.ts) returns problem codes with their data.
 */

import { jsonProblemClause } from '../envelope/messages.ts';
import type { EnvelopeProblem } from '../envelope/open.ts';
import { EXPORT_FORMAT } from '../progress/codec.ts';

export function reportProblemText(p: EnvelopeProblem, current: number): string {
	switch (p.code) {
		case 'too-large':
			return `Rejected: ${jsonProblemClause(p)}. A report is a few kilobytes: ask the learner for the file the site made.`;
		case 'too-deep':
		case 'crafted':
		case 'not-json':
			return `Rejected: ${jsonProblemClause(p)}. It is not a report made by this site.`;
		case 'wrong-format':
			if (p.found === EXPORT_FORMAT)
				return 'Rejected: this is a progress export, not an assignment report. Ask the learner to open the assignment and use “Download report”.';
			return 'Rejected: this is not a Secure AI Academy assignment report (its “format” field is missing or different).';
		case 'not-object':
			return 'Rejected: this is not a Secure AI Academy assignment report (its “format” field is missing or different).';
		case 'newer-version':
			return `Rejected: this report was made by a newer version of the site (report format ${p.version}; this page reads format ${current}). Read it on the site that made it, or update this site.`;
		case 'no-version':
			return 'Rejected: report format undefined is not one this site ever made.';
		case 'unknown-version':
			return `Rejected: report format ${JSON.stringify(p.version)} is not one this site ever made.`;
		case 'invalid':
			return `Rejected: the file is not a valid report, so it was edited or damaged (${p.issues}).`;
	}
}
