/**
 * Words glued to inline elements ("itsassessment", "withrole:operator"). In .astro templates
 * (compressHTML) and in JSX, the line break between a word at the end of one line and an inline
 * element at the start of the next is dropped, so "its⏎<strong>assessment" renders as
 * "itsassessment". The way out is to break the line before the last word ("and⏎its <strong>…").
 * This test finds that pattern in every template and component, and shows it failing on a sample.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const INLINE = '(?:strong|em|a|code|kbd|abbr|b|i|span|time|q|cite|dfn|mark|small)';
/** A line that ends in a word or punctuation of running text (not a tag, expression or comment). */
const TEXT_END = /[A-Za-z0-9,;:]$/;
const STARTS_INLINE = new RegExp(`^<${INLINE}[\\s>]`);
const ENDS_INLINE = new RegExp(`</${INLINE}>$`);
const STARTS_WORD = /^[A-Za-z0-9(]/;
const CODE_LINE = /^(?:\/\/|\*|\/\*|import |export |const |let |return |if |for |case |type |interface )/;

/** "file:line: …text⏎<element" for each place where a line break would glue a word to an element. */
function gluedWords(name: string, source: string): string[] {
	const lines = source.split('\n');
	const found: string[] = [];
	for (let i = 0; i < lines.length - 1; i++) {
		const a = (lines[i] ?? '').trimEnd();
		const b = (lines[i + 1] ?? '').trim();
		if (CODE_LINE.test(a.trim())) continue;
		if ((TEXT_END.test(a) && STARTS_INLINE.test(b)) || (ENDS_INLINE.test(a) && STARTS_WORD.test(b)))
			found.push(`${name}:${i + 1}: …${a.slice(-30)}⏎${b.slice(0, 30)}`);
	}
	return found;
}

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = join(dir, e.name);
		if (e.isDirectory()) return files(p);
		return /\.(astro|tsx)$/.test(e.name) ? [p] : [];
	});
}

describe('no word is glued to an inline element by a line break', () => {
	it('finds none in src/ (.astro and .tsx)', () => {
		const found = files(join(root, 'src')).flatMap((f) =>
			gluedWords(relative(root, f), readFileSync(f, 'utf8')),
		);
		expect(found, 'Break the line before the last word, e.g. "and⏎its <strong>…"').toEqual([]);
	});

	it('flags a word before an element, and an element before a word', () => {
		expect(gluedWords('x.astro', '\t\tand its\n\t\t<strong>assessment</strong> passed')).toHaveLength(1);
		expect(gluedWords('x.tsx', '\t\t<code>npm test</code>\n\t\truns it')).toHaveLength(1);
		expect(gluedWords('x.astro', '\t\tNarrow with\n\t\t<kbd>role:operator</kbd>')).toHaveLength(1);
	});

	it('leaves alone a line break after a space-separated word, a tag, or an expression', () => {
		expect(gluedWords('x.astro', '\t\tand\n\t\tits <strong>assessment</strong>')).toEqual([]);
		expect(gluedWords('x.astro', '\t\t<p>\n\t\t<strong>Hi</strong>')).toEqual([]);
		expect(gluedWords('x.tsx', "\t\t{' '}\n\t\t<code>x</code>")).toEqual([]);
	});
});
