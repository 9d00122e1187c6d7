/**
 * The PDF certificate's font files (lib/pdf-fonts.ts: 227 WOFF files, about 6 MB) in the site's
 * own `fonts/` folder. The build copies them from node_modules when it is done; the dev server
 * serves them from there. (They were endpoint routes once: rendering 227 routes that each read a
 * file cost a 100-module build about 0.3 s, a copy about 40 ms; issue #22.) The font list the
 * certificate page reads first, `fonts/manifest.json`, is still a page route.
 *
 * Runs before the service-worker integration, which lists and hashes what is in the output.
 */
import { copyFileSync, createReadStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { type PdfFont, pdfFonts } from '../lib/pdf-fonts.ts';

/** The folder the fonts are served from, under the site's base path. */
export const FONTS_FOLDER = 'fonts/';

/**
 * The font a request path names, if it is exactly `<base>fonts/<one of the files>`: nothing
 * else, so the dev server never reads any other file.
 */
export function fontForPath(path: string, base: string, fonts: readonly PdfFont[]): PdfFont | undefined {
	const prefix = `${base.endsWith('/') ? base : `${base}/`}${FONTS_FOLDER}`;
	if (!path.startsWith(prefix)) return undefined;
	const name = path.slice(prefix.length);
	return fonts.find((f) => f.file === name);
}

/**
 * Copies every font into `<outDir>/fonts/`, one after another (about 40 ms); returns how many.
 * Copying them all at once through Node's thread pool took no less time and, measured on a
 * 500-module build, about 2.7 s more CPU time.
 */
export function copyFonts(outDir: string, fonts: readonly PdfFont[]): number {
	const target = join(outDir, FONTS_FOLDER);
	mkdirSync(target, { recursive: true });
	for (const f of fonts) copyFileSync(f.source, join(target, f.file));
	return fonts.length;
}

export function pdfFontFiles(): AstroIntegration {
	let base = '/';
	return {
		name: 'secure-ai-academy:pdf-fonts',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base;
			},
			'astro:server:setup': ({ server }) => {
				server.middlewares.use((req, res, next) => {
					const font = fontForPath(new URL(req.url ?? '/', 'http://dev').pathname, base, pdfFonts());
					if (!font) return next();
					res.setHeader('Content-Type', 'font/woff');
					createReadStream(font.source).on('error', next).pipe(res);
				});
			},
			'astro:build:done': ({ dir, logger }) => {
				const n = copyFonts(fileURLToPath(dir), pdfFonts());
				logger.info(`Copied ${n} font files for the PDF certificate.`);
			},
		},
	};
}
