/** Display labels and small derived facts for the shared vocabularies. Pure data, no DOM. */
import type { Level, Modal, Phase, Role, Track } from '../../schemas/vocabulary.ts';
import type { ModuleState } from './dashboard.ts';

export const ROLE_LABELS: Record<Role, string> = {
	developers: 'Developers',
	'system-operators': 'System Operators',
	'data-custodians': 'Data Custodians',
	'end-users': 'End-users',
	'affected-entities': 'Affected Entities',
	organisations: 'Organisations',
};

export const PHASE_LABELS: Record<Phase, string> = {
	design: 'Secure Design',
	development: 'Secure Development',
	deployment: 'Secure Deployment',
	maintenance: 'Secure Maintenance',
	'end-of-life': 'Secure End of Life',
};

/** Track titles and blurbs. Blurbs may hold {principles}, {provisions} and {ncsc}: show them with `trackBlurb`. */
export const TRACK_LABELS: Record<Track, { title: string; blurb: string }> = {
	principles: {
		title: 'Code of Practice principles',
		blurb:
			'The {principles} principles and {provisions} provisions of the UK Code of Practice for the Cyber Security of AI (ETSI TS 104 223), taught so you can act on them.',
	},
	ncsc: {
		title: 'NCSC/CISA guidelines',
		blurb:
			'The Guidelines for Secure AI System Development: four lifecycle areas, {ncsc} sub-guidelines, and how they map onto the Code.',
	},
	'secure-coding': {
		title: 'AI secure coding',
		blurb:
			'Prompt injection, unsafe output handling, excessive agency, unsafe model loading and more, each with vulnerable and fixed code.',
	},
	'ml-complexity': {
		title: 'ML complexity and technical debt',
		blurb:
			'Why ML systems accumulate hidden debt (data dependencies, glue code, configuration) and how that debt turns into security risk.',
	},
};

/** Each track's title alone, e.g. for islands that receive it as a prop. */
export const TRACK_TITLES = Object.fromEntries(
	Object.entries(TRACK_LABELS).map(([track, { title }]) => [track, title]),
) as Record<Track, string>;

/** A track's blurb with the counts filled in from the content ({principles}, {provisions}, {ncsc}). */
export function trackBlurb(
	track: Track,
	counts: { principles: number; provisions: number; ncsc: number },
): string {
	return TRACK_LABELS[track].blurb.replace(/\{(principles|provisions|ncsc)\}/g, (_, k: keyof typeof counts) =>
		String(counts[k]),
	);
}

export const LEVEL_LABELS: Record<Level, string> = {
	foundation: 'Foundation',
	practitioner: 'Practitioner',
	advanced: 'Advanced',
};

export const MODAL_LABELS: Record<Modal, { label: string; meaning: string }> = {
	shall: { label: 'Shall', meaning: 'required' },
	should: { label: 'Should', meaning: 'recommended' },
	'shall+should': { label: 'Shall + should', meaning: 'required, with a recommended part' },
};

/**
 * The ETSI TS 104 223 / EN 304 223 number of a provision. ETSI keeps the Code's provisions and
 * renumbers them `<clause>-<provision within principle>`: UK 2.3 in clause 5.1.2 is 5.1.2-3,
 * UK 5.4.1 in clause 5.2.1 is 5.2.1-4.1.
 */
export function etsiProvisionId(etsiClause: string, provisionId: string): string {
	const rest = provisionId.slice(provisionId.indexOf('.') + 1);
	return `${etsiClause}-${rest}`;
}

/** URL fragment for a provision on its principle page, e.g. `provision-5-4-1`. */
export function provisionAnchor(provisionId: string): string {
	return `provision-${provisionId.replaceAll('.', '-')}`;
}

/** The principle number a provision id belongs to (`"8.1.2"` → 8). */
export function principleOf(provisionId: string): number {
	return Number.parseInt(provisionId, 10);
}

/** A module's state in words (never colour alone). */
export const MODULE_STATE_LABELS: Record<ModuleState, string> = {
	completed: 'Completed',
	'in-progress': 'In progress',
	'not-started': 'Not started',
};

/** A score from 0 to 1 as a whole percentage, e.g. 0.875 → "88%". */
export const percent = (n: number) => `${Math.round(n * 100)}%`;

/** `percent`, or `missing` (a dash by default) when there is no score yet. */
export const percentOr = (n: number | undefined, missing = '–') => (n === undefined ? missing : percent(n));

/**
 * The one date formatter: an ISO timestamp, or a calendar day (YYYY-MM-DD), as a date in the
 * reader's locale, e.g. "7 Dec 2026" (medium) or "7 December 2026" (long). A calendar day is read
 * as that day where the reader is, so it never shifts across a time-zone boundary.
 */
export function formatDate(iso: string, style: 'medium' | 'long' = 'medium', locale?: string): string {
	const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(iso);
	// "Invalid Date", as toLocaleDateString says (a formatter would throw).
	if (Number.isNaN(date.getTime())) return date.toLocaleDateString(locale, { dateStyle: style });
	return dateFormatter(style, locale).format(date);
}

/**
 * One formatter per locale and style. `toLocaleDateString` builds a new one on every call, which
 * cost a 500-module build about 0.2 s of CPU (issue #22); the output is the same.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormatter(style: 'medium' | 'long', locale: string | undefined): Intl.DateTimeFormat {
	const key = `${locale ?? ''}|${style}`;
	let f = formatters.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat(locale, { dateStyle: style });
		formatters.set(key, f);
	}
	return f;
}
