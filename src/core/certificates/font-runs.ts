/**
 * Which font file draws which characters, for the PDF certificate. Fonts come split by Unicode
 * range (as CSS `unicode-range` subsets), so a name is cut into runs, each drawn with the one
 * file that covers it. Pure: the manifest is built at build time, the PDF code draws the runs.
 */

export interface FontFace {
	/** File name under the site's `fonts/` folder. */
	file: string;
	/** Inclusive code point ranges the file covers. */
	ranges: [number, number][];
}

/** Parses a CSS `unicode-range` value such as `U+0000-00FF,U+0131,U+4E??`. */
export function parseUnicodeRange(value: string): [number, number][] {
	return value
		.split(',')
		.map((part) => part.trim().replace(/^U\+/i, ''))
		.filter(Boolean)
		.map((part): [number, number] => {
			if (part.includes('?')) {
				return [
					Number.parseInt(part.replaceAll('?', '0'), 16),
					Number.parseInt(part.replaceAll('?', 'F'), 16),
				];
			}
			const [a, b] = part.split('-');
			const start = Number.parseInt(a ?? '', 16);
			const end = b === undefined ? start : Number.parseInt(b, 16);
			if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) {
				throw new SyntaxError(`bad unicode-range part "${part}"`);
			}
			return [start, end];
		});
}

const covers = (face: FontFace, cp: number) => face.ranges.some(([a, b]) => cp >= a && cp <= b);

/**
 * Whether a file lacks a glyph its `unicode-range` claims (a CSS range is a hint: one Chinese slice
 * claims U+AE40 "김" and has no glyph for it). Learnt when the file is loaded; none by default.
 */
export type Lacks = (file: string, cp: number) => boolean;

/** The first face (in priority order) that covers the code point and does not lack it. */
export function faceFor(cp: number, faces: readonly FontFace[], lacks?: Lacks): FontFace | undefined {
	return faces.find((f) => covers(f, cp) && !lacks?.(f.file, cp));
}

export interface Run {
	file: string;
	text: string;
}

/**
 * Cuts text into runs of one font file each, in logical order. Characters no face covers are
 * returned in `missing` (and left out of the runs) so the caller can say so.
 */
export function splitRuns(
	text: string,
	faces: readonly FontFace[],
	lacks?: Lacks,
): { runs: Run[]; missing: string[] } {
	const runs: Run[] = [];
	const missing: string[] = [];
	for (const ch of text) {
		const face = faceFor(ch.codePointAt(0) as number, faces, lacks);
		if (!face) {
			missing.push(ch);
			continue;
		}
		const last = runs.at(-1);
		if (last && last.file === face.file) last.text += ch;
		else runs.push({ file: face.file, text: ch });
	}
	return { runs, missing };
}

/** Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms. */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const STRONG = /[\p{L}]/u;

/** Whether the text reads right to left, judged (as Unicode's bidi rule does) by its first strong letter. */
export function isRightToLeft(text: string): boolean {
	for (const ch of text) if (STRONG.test(ch)) return RTL.test(ch);
	return false;
}

/** Runs in the order they are drawn from left to right (each run shapes its own glyphs). */
export function visualRuns(
	text: string,
	faces: readonly FontFace[],
	lacks?: Lacks,
): { runs: Run[]; missing: string[] } {
	const r = splitRuns(text, faces, lacks);
	return isRightToLeft(text) ? { ...r, runs: [...r.runs].reverse() } : r;
}
