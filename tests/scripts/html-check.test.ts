/**
 * The HTML check's filter and per-page results (scripts/lib/html-check.ts), on messages shaped
 * like the Nu HTML Checker's JSON output. The checker itself (Java) runs in `npm test`'s HTML stage.
 */
import { describe, expect, test } from 'vitest';
import {
	CHECKER_GAPS,
	countsAsError,
	isCheckerGap,
	resultsPerPage,
	type VnuMessage,
	VnuOutput,
} from '../../scripts/lib/html-check.ts';

const root = '/site/dist';
const at = (page: string) => `file:${root}/${page}`;

/** Real messages, as the checker gave them for this site's pages. */
const containerType: VnuMessage = {
	type: 'error',
	url: at('certificates/p01/index.html'),
	lastLine: 3,
	lastColumn: 2602,
	message: "CSS: “container-type”: Property “container-type” doesn't exist.",
	extract: 'iner-type:inline-size}.cert',
	hiliteStart: 10,
	hiliteLength: 11,
};
const gapInCqi: VnuMessage = {
	type: 'error',
	url: at('certificates/p01/index.html'),
	lastLine: 3,
	lastColumn: 2794,
	message: 'CSS: “gap”: Unknown dimension.',
	extract: 'enter;gap:.4cqi;font-',
	hiliteStart: 10,
	hiliteLength: 5,
};
const labelOnPre: VnuMessage = {
	type: 'error',
	url: at('modules/ml04-configuration-debt/index.html'),
	lastLine: 204,
	lastColumn: 80,
	message:
		'The “aria-label” attribute must not be specified on any “pre” element unless the element has a “role” value other than “caption”, “code”, “deletion”, “emphasis”, “generic”, “insertion”, “paragraph”, “presentation”, “strong”, “subscript”, or “superscript”.',
	extract: '<pre tabindex="0" class="numbered" aria-label="python code, 15 lines"><code>',
	hiliteStart: 0,
	hiliteLength: 70,
};

describe('known gaps in the checker', () => {
	test('the CSS container-type property and cqi lengths are gaps', () => {
		expect(isCheckerGap(containerType)).toBe(true);
		expect(isCheckerGap(gapInCqi)).toBe(true);
		expect(
			isCheckerGap({
				...gapInCqi,
				message: 'CSS: “font-size”: Unknown dimension.',
				extract: 'font-size:1.6cqi;displ',
				hiliteLength: 6,
			}),
		).toBe(true);
	});

	test('a real error is never hidden', () => {
		expect(isCheckerGap(labelOnPre)).toBe(false);
		expect(countsAsError(labelOnPre)).toBe(true);
	});

	test('the same generic message on a real typo still counts: "Unknown dimension" only passes for a container unit', () => {
		const typo = { ...gapInCqi, extract: 'enter;gap:4pxx;font-', hiliteLength: 4 };
		expect(isCheckerGap(typo)).toBe(false);
		expect(countsAsError(typo)).toBe(true);
		// Without a highlight the unit cannot be checked, so the message counts.
		expect(isCheckerGap({ ...gapInCqi, extract: undefined })).toBe(false);
		// Another property with a container unit is not listed: it counts until someone adds it with a reason.
		expect(isCheckerGap({ ...gapInCqi, message: 'CSS: “margin”: Unknown dimension.' })).toBe(false);
	});

	test('messages match exactly, not by a part of their text', () => {
		expect(isCheckerGap({ ...containerType, message: `${containerType.message} And something else.` })).toBe(
			false,
		);
		expect(
			isCheckerGap({
				...containerType,
				message: "CSS: “container-name”: Property “container-name” doesn't exist.",
			}),
		).toBe(false);
	});

	test('every listed gap gives a reason', () => {
		for (const g of CHECKER_GAPS) expect(g.reason.length).toBeGreaterThan(40);
	});

	test('warnings are not errors; a file the checker could not read is', () => {
		expect(countsAsError({ type: 'info', message: 'Consider adding a “lang” attribute.' })).toBe(false);
		expect(countsAsError({ type: 'non-document-error', message: 'File not found.' })).toBe(true);
	});
});

describe('one result per page', () => {
	const pages = ['certificates/p01/index.html', 'index.html', 'modules/ml04-configuration-debt/index.html'];

	test('a page with only gaps passes, a page with a real error fails with line and message', () => {
		const { results, orphans, ignored } = resultsPerPage(root, pages, [containerType, gapInCqi, labelOnPre]);
		expect(ignored).toBe(2);
		expect(orphans).toEqual([]);
		expect(results.map((r) => [r.page, r.errors.length])).toEqual([
			['certificates/p01/index.html', 0],
			['index.html', 0],
			['modules/ml04-configuration-debt/index.html', 1],
		]);
		expect(results[2]?.errors[0]).toMatch(
			/^line 204, column 80: The “aria-label” attribute must not be specified/,
		);
		expect(results[2]?.errors[0]).toContain('aria-label="python code, 15 lines"');
	});

	test('an error the checker could not pin on a listed page is kept, not dropped', () => {
		const { results, orphans } = resultsPerPage(root, pages, [
			{ type: 'non-document-error', message: 'java.io.IOException: something broke' },
			{ ...labelOnPre, url: at('not-listed.html') },
		]);
		expect(results.every((r) => r.errors.length === 0)).toBe(true);
		expect(orphans).toHaveLength(2);
		expect(orphans[1]).toContain('not-listed.html');
	});
});

describe("reading the checker's output", () => {
	test('its JSON parses; a changed shape is refused', () => {
		expect(VnuOutput.safeParse({ messages: [containerType, labelOnPre] }).success).toBe(true);
		expect(VnuOutput.safeParse({ messages: [{ type: 'error' }] }).success).toBe(false);
		expect(VnuOutput.safeParse({ errors: [] }).success).toBe(false);
	});
});
