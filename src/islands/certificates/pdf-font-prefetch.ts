/**
 * Saves, while the learner is online on their certificate page, the font files their certificate
 * PDF will need (beyond the Latin ones every visitor's service worker already holds), so that the
 * PDF can be made offline later. The service worker keeps every `fonts/` file it fetches.
 * Small: the font list is already saved, and only files covering the texts' characters are fetched
 * (every file whose range covers a character, as a range may claim a character its file lacks).
 */
import type { FontFace } from '../../core/certificates/font-runs.ts';

/** The font files that could draw these texts: every face whose range covers one of their characters. */
export function candidateFiles(texts: readonly string[], faces: readonly FontFace[]): string[] {
	const cps = new Set<number>();
	for (const t of texts) for (const ch of t) cps.add(ch.codePointAt(0) as number);
	return faces
		.filter((f) => [...cps].some((cp) => f.ranges.some(([a, b]) => cp >= a && cp <= b)))
		.map((f) => f.file);
}

/** Fetches those files through the service worker (which saves them); does nothing without one. */
export async function prefetchPdfFonts(base: string, texts: readonly string[]): Promise<void> {
	if (typeof navigator === 'undefined' || !navigator.serviceWorker?.controller || !navigator.onLine) return;
	try {
		const res = await fetch(`${base}fonts/manifest.json`);
		if (!res.ok) return;
		const { faces } = (await res.json()) as { faces: FontFace[] };
		await Promise.all(
			candidateFiles(texts, faces).map((f) => fetch(`${base}fonts/${f}`).catch(() => undefined)),
		);
	} catch {
		// Best effort: if this fails, the PDF fetches the fonts itself, or says it needs a connection.
	}
}
