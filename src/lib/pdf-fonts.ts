/**
 * The fonts the PDF certificate can embed, read at build time from the @fontsource packages
 * (Noto Sans for Latin, Greek, Cyrillic, Vietnamese and Devanagari; Noto Sans Arabic, Hebrew,
 * Simplified Chinese (which also has Japanese kana) and Korean). WOFF files are used, as
 * fontkit cannot subset WOFF2. They are served from the site's own `fonts/` folder (copied there
 * by integrations/pdf-fonts.ts) and fetched only when a learner downloads a PDF, and only the
 * files the text needs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type FontFace, parseUnicodeRange } from '../core/certificates/font-runs.ts';

const require = createRequire(import.meta.url);

/** Packages in priority order, and which of their subsets to take (all when undefined). */
const FAMILIES: { pkg: string; subsets?: RegExp }[] = [
	{ pkg: '@fontsource/noto-sans' },
	{ pkg: '@fontsource/noto-sans-arabic', subsets: /-arabic-400/ },
	{ pkg: '@fontsource/noto-sans-hebrew', subsets: /-hebrew-hebrew-400/ },
	{ pkg: '@fontsource/noto-sans-sc', subsets: /-sc-\d+-400/ },
	{ pkg: '@fontsource/noto-sans-kr', subsets: /-kr-\d+-400/ },
];

export interface PdfFont extends FontFace {
	/** Absolute path of the WOFF file in node_modules. */
	source: string;
}

let cached: PdfFont[] | undefined;

export function pdfFonts(): PdfFont[] {
	if (cached) return cached;
	const fonts: PdfFont[] = [];
	for (const { pkg, subsets } of FAMILIES) {
		const dir = dirname(require.resolve(`${pkg}/400.css`));
		const css = readFileSync(join(dir, '400.css'), 'utf8');
		for (const block of css.split('@font-face').slice(1)) {
			const woff = /url\(\.\/files\/([^)]+\.woff)\)/.exec(block)?.[1];
			const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
			if (!woff || !range || (subsets && !subsets.test(woff))) continue;
			fonts.push({ file: woff, ranges: parseUnicodeRange(range), source: join(dir, 'files', woff) });
		}
	}
	if (fonts.length < 10)
		throw new Error(`expected the Noto font packages in node_modules, found ${fonts.length} files`);
	cached = fonts;
	return fonts;
}
