/**
 * The web app manifest (W3C Web Application Manifest), built from academy.config.yaml: the site's
 * name, start and scope at the base path, the theme's accent as theme colour, and the icons drawn
 * by scripts/make-icons.ts. With it (and the offline service worker), browsers offer to install
 * the site as an app. Linked from every page by BaseLayout.astro.
 */
import type { APIRoute } from 'astro';
import { BASE } from '../lib/base.ts';
import { SITE } from '../site.ts';

/**
 * A short name for launchers, which show about 12 characters: the site name if it fits, else its
 * last words that fit ("Secure AI Academy" → "AI Academy"), else its first 12 characters.
 */
export function shortName(name: string): string {
	if (name.length <= 12) return name;
	const words = name.split(/\s+/);
	for (let i = 1; i < words.length; i++) {
		const tail = words.slice(i).join(' ');
		if (tail.length <= 12) return tail;
	}
	return name.slice(0, 12).trim();
}

export const GET: APIRoute = () => {
	const manifest = {
		id: BASE,
		name: SITE.name,
		short_name: shortName(SITE.name),
		description: SITE.description,
		lang: 'en',
		dir: 'ltr',
		start_url: BASE,
		scope: BASE,
		display: 'standalone',
		theme_color: SITE.accent,
		background_color: '#ffffff',
		icons: [
			{ src: `${BASE}icons/icon-192.png`, sizes: '192x192', type: 'image/png', purpose: 'any' },
			{ src: `${BASE}icons/icon-512.png`, sizes: '512x512', type: 'image/png', purpose: 'any' },
			{ src: `${BASE}icons/icon-maskable-512.png`, sizes: '512x512', type: 'image/png', purpose: 'maskable' },
		],
	};
	return new Response(`${JSON.stringify(manifest, null, 2)}\n`, {
		headers: { 'Content-Type': 'application/manifest+json' },
	});
};
