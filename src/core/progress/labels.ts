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

export const TRACK_LABELS: Record<Track, { title: string; blurb: string }> = {
	principles: {
		title: 'Code of Practice principles',
		blurb:
			'The 13 principles and 72 provisions of the UK Code of Practice for the Cyber Security of AI (ETSI TS 104 223), taught so you can act on them.',
	},
	ncsc: {
		title: 'NCSC/CISA guidelines',
		blurb:
			'The Guidelines for Secure AI System Development: four lifecycle areas, 17 sub-guidelines, and how they map onto the Code.',
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
