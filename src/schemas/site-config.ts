/**
 * The self-hoster's configuration: `academy.config.yaml` at the project root (or the file named
 * by the ACADEMY_CONFIG environment variable). Read once at build time; an invalid file stops the
 * build with a message naming the field and the fix.
 */
import { z } from 'astro/zod';
import { TRACKS } from './vocabulary.ts';

const HexColour = z
	.string()
	.regex(/^#[0-9a-fA-F]{6}$/, { error: 'a colour is written as #RRGGBB, e.g. "#0b5cad"' });

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
