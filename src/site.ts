/**
 * Site-wide settings, from academy.config.yaml (validated by src/schemas/site-config.ts).
 * Build-time only: islands receive what they need as props.
 */
import { loadSiteConfig } from './lib/site-config.ts';

const config = loadSiteConfig();

export const SITE = {
	name: config.site.name,
	url: config.site.url,
	basePath: config.site.basePath,
	organisation: config.organisation.name,
	logo: config.organisation.logo,
	certificates: {
		signatory: config.certificates.signatory,
		/** Named on certificates: the certificate organisation, else the organisation, else the site. */
		organisation: config.certificates.organisation ?? config.organisation.name ?? config.site.name,
	},
	accent: config.theme.accent,
	tracks: config.tracks,
	contentErrorsContact: config.contact.contentErrors,
	/** The optional xAPI feed to the organisation's LRS (undefined: off). See src/components/LrsFeed.astro. */
	lrs: config.lrs && {
		endpoint: config.lrs.endpoint,
		publicWriteKey: config.lrs.publicWriteKey,
		label: config.lrs.actor.label,
		homePage: config.lrs.actor.homePage ?? config.site.url.replace(/\/$/, ''),
		siteBase: `${config.site.url.replace(/\/$/, '')}${config.site.basePath}`,
	},
	description:
		'Free, self-hostable training on building AI systems securely: the UK Code of Practice for the Cyber Security of AI (ETSI TS 104 223), the NCSC/CISA guidelines, AI secure coding and ML technical debt.',
	/** Bumped when published content changes in a way that matters to stored progress. */
	contentVersion: '2026.11.1',
} as const;
