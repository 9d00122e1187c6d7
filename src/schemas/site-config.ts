/**
 * The self-hoster's configuration: `academy.config.yaml` at the project root (or the file named
 * by the ACADEMY_CONFIG environment variable). Read once at build time; an invalid file stops the
 * build with a message naming the field and the fix.
 */

import { TRACKS } from './vocabulary.ts';
import { z } from './zod.ts';

const HexColour = z
	.string()
	.regex(/^#[0-9a-fA-F]{6}$/, { error: 'a colour is written as #RRGGBB, e.g. "#0b5cad"' });

/** Hosts allowed over plain http, for local tests only. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The optional xAPI feed to your organisation's Learning Record Store (LRS), outside an LMS.
 * Off unless this section is present; even then nothing is sent until a learner opts in on the
 * dashboard. What is sent is listed in docs/lms.md ("Reporting to your own LRS").
 */
const LrsSchema = z.strictObject({
	/**
	 * The LRS's xAPI base URL, ending in "/", e.g. https://lrs.example.org/xapi/ (statements are
	 * POSTed to `<endpoint>statements`). https only (http is accepted for 127.0.0.1 and localhost,
	 * for tests); no user name, password, query or fragment in it. Its origin is the one origin the
	 * pages' Content-Security-Policy then lets them connect to.
	 */
	endpoint: z
		.url({
			protocol: /^https?$/,
			error: 'lrs.endpoint must be an absolute https:// URL such as https://lrs.example.org/xapi/',
		})
		.superRefine((u, ctx) => {
			if (!URL.canParse(u)) return;
			const url = new URL(u);
			const fail = (message: string) => ctx.addIssue({ code: 'custom', message });
			if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname))
				fail(
					'lrs.endpoint must use https:// (plain http is allowed only for 127.0.0.1 and localhost, in tests)',
				);
			if (url.username || url.password)
				fail(
					"lrs.endpoint must not contain a user name or password (anyone can read the site's pages); see lrs.publicWriteKey",
				);
			if (url.search || url.hash) fail('lrs.endpoint must not have a query (?…) or fragment (#…)');
			if (!url.pathname.endsWith('/'))
				fail('lrs.endpoint must end with "/", e.g. https://lrs.example.org/xapi/');
		}),
	/**
	 * Optional `key:secret` of an LRS credential that may ONLY write statements. It is published
	 * in the page code of a static site, so anyone can read it and post statements with it: use a
	 * key scoped to writing statements (never one that reads them), or leave it out and point
	 * `endpoint` at a relay on your own origin that adds the credential.
	 */
	publicWriteKey: z
		.string()
		.regex(/^[^\s:]+:[^\s]+$/, {
			error:
				'lrs.publicWriteKey is written "key:secret" (the LRS credential\'s key and secret joined by a colon)',
		})
		.optional(),
	actor: z
		.strictObject({
			/** The label of the field where a learner types the name or id they choose to report under. */
			label: z
				.string()
				.trim()
				.min(1)
				.max(120)
				.default('Your name, or an id your organisation asked you to use'),
			/**
			 * The `homePage` of the xAPI account the learner is reported as (the id typed is the
			 * account name). Defaults to site.url.
			 */
			homePage: z
				.url({ protocol: /^https?$/, error: 'lrs.actor.homePage must be an absolute http(s) URL' })
				.optional(),
		})
		.prefault({}),
});
export type LrsConfig = z.output<typeof LrsSchema>;

export const SiteConfigSchema = z
	.strictObject({
		site: z
			.strictObject({
				/** Shown in the header, page titles and certificates. */
				name: z.string().trim().min(1).max(60).default('Secure AI Academy'),
				/** The public origin the site is served from, e.g. https://training.example.org (no path). */
				url: z
					.url({
						protocol: /^https?$/,
						error: 'site.url must be an absolute http(s) URL such as https://training.example.org',
					})
					.refine((u) => !URL.canParse(u) || new URL(u).pathname === '/', {
						error: 'site.url is the origin only; put any path in site.basePath',
					})
					.default('http://127.0.0.1:4321'),
				/** The path the site lives under, e.g. "/training/". Starts and ends with "/". */
				basePath: z
					.string()
					.regex(/^\/(?:[a-z0-9._~-]+\/)*$/i, {
						error: 'site.basePath starts and ends with "/", e.g. "/" or "/training/"',
					})
					.default('/'),
			})
			.prefault({}),
		organisation: z
			.strictObject({
				/** Your organisation's name, shown in the footer and on certificates. */
				name: z.string().trim().min(1).max(100).optional(),
				/** A logo under public/, e.g. "/logo.svg" (relative to the base path). */
				logo: z
					.string()
					.regex(/^\/[\w./-]+\.(svg|png|webp)$/, {
						error: 'organisation.logo is a path under public/, e.g. "/logo.svg"',
					})
					.optional(),
			})
			.prefault({}),
		certificates: z
			.strictObject({
				/** Who signs the certificates, e.g. "Jane Smith, Chief Information Security Officer". */
				signatory: z.string().trim().min(1).max(120).optional(),
				/** The organisation named on certificates (defaults to organisation.name). */
				organisation: z.string().trim().min(1).max(100).optional(),
			})
			.prefault({}),
		theme: z
			.strictObject({
				/** Accent colour for links and buttons; must reach 4.5:1 contrast on white. */
				accent: HexColour.default('#0b5cad'),
			})
			.prefault({}),
		/** Which tracks to show. Modules of other tracks are left out of the build. */
		tracks: z
			.array(z.enum(TRACKS, { error: `tracks may contain ${TRACKS.join(', ')}` }))
			.min(1, { error: 'enable at least one track' })
			.default([...TRACKS]),
		contact: z
			.strictObject({
				/** Where learners report content errors: a mailto: or https: link. */
				contentErrors: z
					.string()
					.regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, {
						error: 'contact.contentErrors is a mailto: address or an https:// link',
					})
					.optional(),
			})
			.prefault({}),
		/** Optional xAPI feed to your organisation's LRS (off when absent). */
		lrs: LrsSchema.optional(),
	})
	.superRefine((c, ctx) => {
		const ratio = contrastRatio(c.theme.accent, '#ffffff');
		if (ratio < 4.5) {
			ctx.addIssue({
				code: 'custom',
				path: ['theme', 'accent'],
				message: `accent ${c.theme.accent} has a contrast of ${ratio.toFixed(2)}:1 on white; links and buttons need at least 4.5:1 (pick a darker shade)`,
			});
		}
	});
export type SiteConfig = z.output<typeof SiteConfigSchema>;

/**
 * The pages' `connect-src`: the site's own origin, plus the LRS's origin only when the xAPI feed
 * is configured.
 */
export function connectSrc(config: Pick<SiteConfig, 'lrs'>): `connect-src ${string}` {
	return config.lrs ? `connect-src 'self' ${new URL(config.lrs.endpoint).origin}` : "connect-src 'self'";
}

/** WCAG 2 contrast ratio between two #RRGGBB colours. */
export function contrastRatio(a: string, b: string): number {
	const lum = (hex: string) => {
		const [r, g, bl] = [1, 3, 5].map((i) => {
			const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
			return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
		}) as [number, number, number];
		return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
	};
	const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
	return (x + 0.05) / (y + 0.05);
}
