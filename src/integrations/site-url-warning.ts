/**
 * A loud warning when a production build still has the default `site.url`
 * (http://127.0.0.1:4321): the address the site names wherever it needs an absolute one. Printed
 * at the start and again at the end of `npm run build`, so it is the last thing a self-hoster sees.
 * Certificates do not depend on it (they name the address the page was served from), but nothing
 * else can guess the public address.
 */
import type { AstroIntegration } from 'astro';

export const DEFAULT_SITE_URL = 'http://127.0.0.1:4321';

/** The warning for `url`, or undefined when it is set to something other than the default. */
export function siteUrlWarning(url: string, configFile: string): string | undefined {
	if (url.replace(/\/$/, '') !== DEFAULT_SITE_URL) return undefined;
	const bar = '!'.repeat(78);
	return [
		bar,
		`!! site.url is still the default, ${DEFAULT_SITE_URL} (set it in ${configFile}).`,
		'!! Set site.url to the public address learners use, e.g. https://training.example.org,',
		'!! then build again. Until then, anything that names the site by its full address names',
		'!! 127.0.0.1. (Certificates name the address they were served from, whatever this says.)',
		'!! README.md, "Deploying": this is the first item of the checklist.',
		bar,
	].join('\n');
}

export function siteUrlCheck(url: string, configFile: string): AstroIntegration {
	const warning = siteUrlWarning(url, configFile);
	return {
		name: 'secure-ai-academy:site-url',
		hooks: {
			'astro:build:start': ({ logger }) => {
				if (warning) logger.warn(`\n${warning}`);
			},
			'astro:build:done': ({ logger }) => {
				if (warning) logger.warn(`\n${warning}`);
			},
		},
	};
}
