/**
 * Builds the Pagefind full-text index after every production build (as Starlight does).
 * Only elements marked `data-pagefind-body` (lesson content) are indexed; page chrome and quiz
 * controls carry `data-pagefind-ignore`. The index is written to `dist/pagefind/` and is only
 * downloaded by a browser when search is used.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export function pagefind(): AstroIntegration {
	return {
		name: 'secure-ai-academy:pagefind',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const { close, createIndex } = await import('pagefind');
				const site = fileURLToPath(dir);
				try {
					const { index, errors } = await createIndex({});
					if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
					const added = await index.addDirectory({ path: site });
					if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
					const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
					if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
					logger.info(`Indexed ${added.page_count} pages for search.`);
				} finally {
					await close();
				}
			},
		},
	};
}
