/**
 * The HTML check's logic, kept apart from the command (scripts/check-html.ts) so that it can be
 * tested without Java: reading the W3C Nu HTML Checker's JSON output, the narrow list of messages
 * that are gaps in the checker rather than errors in the site, and one result per page.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from '../../src/schemas/zod.ts';

/** One message of the Nu HTML Checker's `--format json` output (only the fields used here). */
export const VnuMessage = z.object({
	/** "error", "info" (warnings are info with subType "warning") or "non-document-error" (e.g. a file it could not read). */
	type: z.string(),
	/** The checked file as a file: URL; missing on messages about the run itself. */
	url: z.string().optional(),
	/** The line of the error's end in the file (1-based). */
	lastLine: z.number().optional(),
	/** The column of the error's end on that line (1-based). */
	lastColumn: z.number().optional(),
	/** The checker's message, e.g. "CSS: “gap”: Unknown dimension.". */
	message: z.string(),
	/** A few characters of the source around the error. */
	extract: z.string().optional(),
	/** Where the offending text starts inside `extract`. */
	hiliteStart: z.number().optional(),
	/** How long the offending text is inside `extract`. */
	hiliteLength: z.number().optional(),
});
export type VnuMessage = z.infer<typeof VnuMessage>;

/** The whole output: `{ "messages": [...] }`. */
export const VnuOutput = z.object({ messages: z.array(VnuMessage) });

/** The offending text the checker highlights inside its extract, or '' when it gives none. */
export function highlighted(m: VnuMessage): string {
	if (m.extract === undefined || m.hiliteStart === undefined || m.hiliteLength === undefined) return '';
	return m.extract.slice(m.hiliteStart, m.hiliteStart + m.hiliteLength);
}

/**
 * A message the checker gives for valid markup because it lags behind a standard. Each entry
 * matches the message text exactly, and where the message is generic, the highlighted source
 * text too, so that it cannot hide a real error of the same kind.
 */
export interface CheckerGap {
	/** The checker's message, compared exactly. */
	message: string;
	/** When set, the highlighted source text must match this too. */
	highlight?: RegExp;
	/** Why this is the checker's gap and not the site's error. */
	reason: string;
}

/** A CSS length in container query units (cqi, cqb, cqw, cqh, cqmin, cqmax), e.g. ".4cqi" or "1.6cqi". */
const CONTAINER_LENGTH = /^-?(\d+(\.\d+)?|\.\d+)(cqi|cqb|cqw|cqh|cqmin|cqmax)$/;

/** The known gaps. Keep it short: add an entry only with a reason a reviewer can check. */
export const CHECKER_GAPS: readonly CheckerGap[] = [
	{
		message: "CSS: “container-type”: Property “container-type” doesn't exist.",
		reason:
			'container-type is CSS Containment Module Level 3 (size container queries), supported by every current browser; the checker’s CSS validator does not know the property yet. The certificate scales its text to its own width with it.',
	},
	{
		message: 'CSS: “gap”: Unknown dimension.',
		highlight: CONTAINER_LENGTH,
		reason:
			'Container query length units (cqi…) are CSS Containment Module Level 3; the checker’s CSS validator does not know them. Only a value in those units is let through: "gap: 4pxx" still fails.',
	},
	{
		message: 'CSS: “font-size”: Unknown dimension.',
		highlight: CONTAINER_LENGTH,
		reason: 'As for gap: a font size in container query units (cqi), unknown to the checker’s CSS validator.',
	},
];

/** Whether a message is one of the known gaps in the checker (and so not counted as an error). */
export function isCheckerGap(m: VnuMessage, gaps: readonly CheckerGap[] = CHECKER_GAPS): boolean {
	return gaps.some(
		(g) => g.message === m.message && (g.highlight === undefined || g.highlight.test(highlighted(m))),
	);
}

/** An error the check counts: anything but info/warnings, and not a known gap. */
export function countsAsError(m: VnuMessage, gaps: readonly CheckerGap[] = CHECKER_GAPS): boolean {
	return m.type !== 'info' && !isCheckerGap(m, gaps);
}

/** One page's result: its path (relative to the checked folder) and its errors, as printable lines. */
export interface PageResult {
	page: string;
	errors: string[];
}

/** One line for an error: "line 12, column 40: message (…extract…)". */
export function describeError(m: VnuMessage): string {
	const where =
		m.lastLine === undefined
			? ''
			: `line ${m.lastLine}${m.lastColumn === undefined ? '' : `, column ${m.lastColumn}`}: `;
	const source = m.extract ? ` [${m.extract.replace(/\s+/g, ' ').trim()}]` : '';
	return `${where}${m.message}${source}`;
}

/**
 * One result per checked page, in the order given. Errors about a file not in `pages` (or about
 * no file) come back as `orphans`, which fail the check too: the checker said something it could
 * not pin on a page, e.g. that it could not read one.
 */
export function resultsPerPage(
	root: string,
	pages: readonly string[],
	messages: readonly VnuMessage[],
	gaps: readonly CheckerGap[] = CHECKER_GAPS,
): { results: PageResult[]; orphans: string[]; ignored: number } {
	const byPage = new Map(pages.map((p) => [p, [] as string[]]));
	const orphans: string[] = [];
	let ignored = 0;
	for (const m of messages) {
		if (m.type === 'info') continue;
		if (isCheckerGap(m, gaps)) {
			ignored++;
			continue;
		}
		const page = m.url?.startsWith('file:') ? relative(root, fileURLToPath(m.url)) : undefined;
		const list = page === undefined ? undefined : byPage.get(page);
		if (list) list.push(describeError(m));
		else orphans.push(`${m.url ?? '(no file)'}: ${describeError(m)}`);
	}
	return { results: pages.map((page) => ({ page, errors: byPage.get(page) ?? [] })), orphans, ignored };
}
