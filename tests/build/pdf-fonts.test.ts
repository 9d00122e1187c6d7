import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { copyFonts, fontForPath } from '../../src/integrations/pdf-fonts.ts';
import { pdfFonts } from '../../src/lib/pdf-fonts.ts';

const fonts = pdfFonts();
const latin = fonts.find((f) => f.file === 'noto-sans-latin-400-normal.woff');

describe('the PDF fonts in the build and on the dev server', () => {
	const out = mkdtempSync(join(tmpdir(), 'saa-fonts-'));
	afterAll(() => rmSync(out, { recursive: true, force: true }));

	test('the build copies every font, byte for byte, into fonts/', () => {
		expect(copyFonts(out, fonts)).toBe(fonts.length);
		expect(readdirSync(join(out, 'fonts')).sort()).toEqual(fonts.map((f) => f.file).sort());
		for (const f of [fonts[0], fonts.at(-1)]) {
			if (!f) throw new Error('no fonts');
			expect(readFileSync(join(out, 'fonts', f.file)).equals(readFileSync(f.source))).toBe(true);
		}
	});

	test('the dev server answers only a listed font, under the base path', () => {
		expect(latin).toBeDefined();
		expect(fontForPath('/fonts/noto-sans-latin-400-normal.woff', '/', fonts)).toBe(latin);
		expect(fontForPath('/training/fonts/noto-sans-latin-400-normal.woff', '/training/', fonts)).toBe(latin);
		expect(fontForPath('/training/fonts/noto-sans-latin-400-normal.woff', '/training', fonts)).toBe(latin);
		// Not under the base path, not a listed file, or trying to leave the folder: not served.
		expect(fontForPath('/fonts/noto-sans-latin-400-normal.woff', '/training/', fonts)).toBeUndefined();
		expect(fontForPath('/fonts/manifest.json', '/', fonts)).toBeUndefined();
		expect(fontForPath('/fonts/../package.json', '/', fonts)).toBeUndefined();
		expect(fontForPath('/fonts/', '/', fonts)).toBeUndefined();
		expect(fontForPath('/fonts/x/noto-sans-latin-400-normal.woff', '/', fonts)).toBeUndefined();
	});
});
