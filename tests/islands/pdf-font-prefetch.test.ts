/**
 * What the certificate page saves for an offline PDF, and what it says when the PDF cannot be made.
 */
import { describe, expect, it } from 'vitest';
import { parseUnicodeRange } from '../../src/core/certificates/font-runs.ts';
import { pdfFailure } from '../../src/islands/Certificate.tsx';
import { FontUnavailableError } from '../../src/islands/certificates/certificate-pdf.ts';
import { candidateFiles } from '../../src/islands/certificates/pdf-font-prefetch.ts';

const faces = [
	{ file: 'latin.woff', ranges: parseUnicodeRange('U+0000-00FF') },
	{ file: 'greek.woff', ranges: parseUnicodeRange('U+0370-03FF') },
	{ file: 'sc-1.woff', ranges: parseUnicodeRange('U+4E00-5FFF') },
	{ file: 'kr-1.woff', ranges: parseUnicodeRange('U+5C00-5CFF,U+AC00-D7AF') },
];

describe('the fonts saved for a certificate PDF', () => {
	it('are every file whose range covers a character of the texts', () => {
		expect(candidateFiles(['Zoë', 'Example Ltd'], faces)).toEqual(['latin.woff']);
		// 小 (U+5C0F) is claimed by a Chinese and a Korean slice: both, as either may lack it.
		expect(candidateFiles(['王小明'], faces)).toEqual(['sc-1.woff', 'kr-1.woff']);
		expect(candidateFiles(['Αλέξη', '김'], faces)).toEqual(['greek.woff', 'kr-1.woff']);
	});
	it('are none for empty texts or characters no file covers', () => {
		expect(candidateFiles([], faces)).toEqual([]);
		expect(candidateFiles(['', '☃'], faces)).toEqual([]);
	});
});

describe('the message when the PDF cannot be made', () => {
	it('says a font not saved on this device needs a connection once', () => {
		const m = pdfFailure(new FontUnavailableError('sc-1.woff', 'no connection'));
		expect(m).toMatch(/^The PDF needs a connection once/);
		expect(m).toContain('print the page now');
	});
	it('gives the reason for any other failure, with the print fallback', () => {
		const m = pdfFailure(new Error('no font here covers ☃'));
		expect(m).toBe(
			'The PDF could not be made: no font here covers ☃. Print the page instead (choose “Save as PDF” in the print dialogue).',
		);
		// Online, a failed network request is not blamed on a missing saved copy.
		expect(pdfFailure(new TypeError('Failed to fetch'))).toMatch(/^The PDF could not be made/);
	});
});
