/**
 * Site-wide settings. Issue #9 turns these into a validated configuration file for self-hosters;
 * until then they live here.
 */
export const SITE = {
	name: 'Secure AI Academy',
	description:
		'Free, self-hostable training on building AI systems securely: the UK Code of Practice for the Cyber Security of AI (ETSI TS 104 223), the NCSC/CISA guidelines, AI secure coding and ML technical debt.',
	/** Bumped when published content changes in a way that matters to stored progress. */
	contentVersion: '2026.11.1',
} as const;
