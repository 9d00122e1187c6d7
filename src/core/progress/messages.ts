/**
 * Words for the progress feature: what the learner is told when stored progress or an import file
 * cannot be read. Core code (codec.ts) returns problem codes with their data; this file turns them
 * into sentences.
 */

import { jsonProblemClause } from '../envelope/messages.ts';
import type { EnvelopeProblem } from '../envelope/open.ts';
import { formatName, recognisedSentence } from '../envelope/sniff.ts';
import type { AttemptCheck } from '../quiz/evidence.ts';

/** Why the stored value could not be read (shown after "Your saved progress could not be read"). */
export function storedProblemText(p: EnvelopeProblem): string {
	switch (p.code) {
		case 'too-large':
		case 'too-deep':
		case 'crafted':
		case 'looks-like':
		case 'not-json':
			return `the stored progress is not valid JSON (${jsonProblemClause(p)})`;
		case 'not-object':
		case 'wrong-format':
		case 'no-version':
			return 'the stored progress is not in the expected { version, data } form';
		case 'newer-version':
			return `saved by a newer version of this site (format ${p.version}; this site reads up to ${p.current})`;
		case 'unknown-version':
			return `unknown version ${JSON.stringify(p.version)}`;
		case 'invalid':
			return p.issues;
	}
}

/** Why an import file was refused, as the learner reads it. */
export function importProblemText(p: EnvelopeProblem, maxBytes: number, current: number): string {
	const damaged = (why: string) => `This file looks edited or damaged, so nothing was imported (${why}).`;
	switch (p.code) {
		case 'too-large':
			return `This file is ${(p.bytes / 1024 / 1024).toFixed(1)} MB; a progress file is at most ${maxBytes / 1024 / 1024} MB. Choose the file this site exported.`;
		case 'crafted':
			return damaged('it contains a "__proto__" key');
		case 'looks-like':
			return `${recognisedSentence(p.what, 'a progress file')} Choose the file that “Export progress to a file” saved (a .json file).`;
		case 'too-deep':
		case 'not-json':
			return `This file is not a progress export: ${jsonProblemClause(p)}.`;
		case 'wrong-format':
			if (p.found !== undefined && formatName(p.found))
				return `This is ${formatName(p.found)}, not a progress file. Choose the file that “Export progress to a file” saved.`;
			return 'This file is not a Secure AI Academy progress export (its "format" field is missing or different).';
		case 'not-object':
			return 'This file is not a Secure AI Academy progress export (its "format" field is missing or different).';
		case 'newer-version':
			return `This file was saved by a newer version of this site (format ${p.version}; this site reads up to ${current}). Update this site, or import it where it was exported.`;
		case 'no-version':
			return damaged('it has no version');
		case 'unknown-version':
			return damaged(`unknown version ${JSON.stringify(p.version)}`);
		case 'invalid':
			return damaged(p.issues);
	}
}

/** What the learner is told about storage (store.ts picks one by the problem it meets). */
export const STORE_MESSAGES = {
	unavailable:
		'This browser is not letting the site store data (private browsing, or storage blocked in settings). Quizzes still work, but nothing is kept: what you do on a page is lost as soon as you leave or reload it. Download it before you move on, and import the file on the dashboard later.',
	quota:
		'Your browser storage is full, so the latest progress could not be saved. It is kept on this page only and is lost as soon as you leave or reload it. Download it now, or free some space.',
	future:
		'Your saved progress was written by a newer version of this site, which this version cannot read. It has not been changed. Progress you make on this page will not be saved.',
	corruptKept:
		'Your saved progress could not be read, so a fresh record has started. The unreadable data was kept aside: the dashboard lists it, with download and recover, until you delete it.',
	corruptNotKept:
		'Your saved progress could not be read. Download it before continuing: nothing will be saved over it until you do.',
} as const;

/** One line per refused attempt, for the learner: which attempt, and why. */
export function refusalText(c: AttemptCheck, submittedAt?: string, outcome = 'was not imported'): string {
	const when = submittedAt ? ` of ${submittedAt.slice(0, 16).replace('T', ' ')} UTC` : '';
	return `The ${c.quizId} attempt${when} (revision ${c.revision}) ${outcome}: ${c.message}.`;
}
