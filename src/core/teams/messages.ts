/**
 * Words for the teams feature: why a report file was rejected, as the manager reads it. Core code
 * (report.ts, through core/envelope/open.ts) returns problem codes with their data.
 */

import { jsonProblemClause } from '../envelope/messages.ts';
import type { EnvelopeProblem } from '../envelope/open.ts';
import { formatName, recognisedSentence } from '../envelope/sniff.ts';
import { EXPORT_FORMAT } from '../progress/codec.ts';

/** What a manager should ask for, after a file that is not a report. */
const ASK_REPORT =
	'Ask the learner for their report file: on the assignment page, “Download report” saves it (a .json file).';

export function reportProblemText(p: EnvelopeProblem, current: number): string {
	switch (p.code) {
		case 'too-large':
			return `Rejected: ${jsonProblemClause(p)}. A report is a few kilobytes: ask the learner for the file the site made.`;
		case 'looks-like':
			return `Rejected. ${recognisedSentence(p.what, 'a learner’s report file')} ${ASK_REPORT}`;
		case 'too-deep':
		case 'crafted':
		case 'not-json':
			return `Rejected: ${jsonProblemClause(p)}. It is not a report made by this site.`;
		case 'wrong-format':
			if (p.found === EXPORT_FORMAT)
				return 'Rejected: this is a progress export, not an assignment report. Ask the learner to open the assignment and use “Download report”.';
			if (formatName(p.found))
				return `Rejected: this is ${formatName(p.found)}, not a learner’s report file. ${ASK_REPORT}`;
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
