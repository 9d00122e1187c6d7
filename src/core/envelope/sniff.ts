/**
 * Stage 0 of the one pipeline for opening untrusted data (see open.ts): recognising what a file,
 * pasted text or link payload is before any parser sees it, so a person is told "this is a PNG
 * image" rather than what a JSON parser makes of a PNG ("nested more than 16 levels deep").
 *
 * It works on text, as every source reaches the pipeline (`File.text()` decodes as UTF-8, so a
 * binary file's magic bytes arrive as their UTF-8 reading: 0x89 becomes U+FFFD). It looks at the
 * first few hundred characters only, and never parses.
 */

/** What an input was recognised as, when it is plainly not the JSON the site reads. */
export type Recognised =
	| { kind: 'empty' }
	| { kind: 'binary'; what: BinaryKind }
	| { kind: 'html' }
	| { kind: 'jwt' }
	| { kind: 'jwt-damaged'; parts: number }
	| { kind: 'link' }
	| { kind: 'json-cut-short' }
	| { kind: 'text' };

export type BinaryKind = 'png' | 'jpeg' | 'gif' | 'webp' | 'pdf' | 'zip' | 'gzip' | 'binary';

/** The name of each binary kind, with its article, as it appears in a sentence. */
export const BINARY_NAMES: Record<BinaryKind, string> = {
	png: 'a PNG image',
	jpeg: 'a JPEG image',
	gif: 'a GIF image',
	webp: 'a WebP image',
	pdf: 'a PDF document',
	zip: 'a ZIP archive (or an Office document, which is one)',
	gzip: 'a compressed (gzip) file',
	binary: 'a binary file, not text',
};

/** Magic numbers as they read after UTF-8 decoding (bytes above 0x7f that are invalid become U+FFFD). */
const MAGIC: [(head: string) => boolean, BinaryKind][] = [
	// 0x89 "PNG": invalid UTF-8 (U+FFFD), or U+0089 when the bytes were read as Latin-1 and saved as UTF-8.
	[(h) => h.startsWith('\uFFFDPNG') || h.startsWith('\u0089PNG'), 'png'],
	[(h) => h.startsWith('\uFFFD\uFFFD\uFFFD'), 'jpeg'],
	[(h) => h.startsWith('GIF87a') || h.startsWith('GIF89a'), 'gif'],
	[(h) => h.startsWith('RIFF') && h.slice(8, 12) === 'WEBP', 'webp'],
	[(h) => h.startsWith('%PDF-'), 'pdf'],
	[(h) => h.startsWith('PK\u0003\u0004'), 'zip'],
	[(h) => h.startsWith('\u001f\uFFFD\u0008'), 'gzip'],
];

const B64URL = /^[A-Za-z0-9_-]+$/;

/**
 * What this text is, when it is plainly not JSON made by this site; undefined when it may be JSON
 * (or is text nothing here recognises), so the parser decides.
 */
export function recognise(text: string): Recognised | undefined {
	const head = text.slice(0, 512);
	for (const [test, what] of MAGIC) if (test(head)) return { kind: 'binary', what };
	// A NUL, or many replacement characters: a binary file no magic number above names.
	const odd = head.split('\uFFFD').length - 1;
	if (head.includes('\u0000') || odd > 8) return { kind: 'binary', what: 'binary' };
	const t = head.trim();
	if (t === '') return { kind: 'empty' };
	if (/^<(?:!doctype|html|head|body|\?xml|svg)\b/i.test(t)) return { kind: 'html' };
	if (/^https?:\/\/\S+$/i.test(t) && text.trim().length === t.length) return { kind: 'link' };
	// A JWT's header always starts "eyJ" (base64url of `{"`).
	if (t.startsWith('eyJ') && !/\s/.test(text.trim())) {
		const parts = text.trim().split('.');
		if (parts.length === 3 && parts.every((p) => p.length > 0 && B64URL.test(p))) return { kind: 'jwt' };
		return { kind: 'jwt-damaged', parts: parts.length };
	}
	if (t.startsWith('{') || t.startsWith('[')) {
		// JSON whose end is missing (a file cut off while copying): the parser's error says only where.
		const end = text.slice(-64).trimEnd().at(-1);
		if (end !== '}' && end !== ']') return { kind: 'json-cut-short' };
		return undefined;
	}
	return { kind: 'text' };
}

/** What is wrong with something that starts like a JWT but is not one. */
function jwtDamage(parts: number): string {
	return parts === 3
		? 'one of its three parts is empty or has characters a JWT never has'
		: `it has ${parts} ${parts === 1 ? 'part' : 'parts'} where a JWT has 3`;
}

/** "it is a PNG image": what the input is, as a clause. */
export function recognisedClause(r: Recognised): string {
	switch (r.kind) {
		case 'empty':
			return 'it is empty';
		case 'binary':
			return `it is ${BINARY_NAMES[r.what]}`;
		case 'html':
			return 'it is a web page (HTML)';
		case 'jwt':
			return 'it is a countersigned credential (JWT)';
		case 'jwt-damaged':
			return `it starts like a countersigned credential (JWT) but is cut short or altered (${jwtDamage(r.parts)})`;
		case 'link':
			return 'it is a web address (a link), not a file';
		case 'json-cut-short':
			return 'it starts like a data file (JSON) but its end is missing, so it was cut short while being copied or saved';
		case 'text':
			return 'it is plain text, not a data file (JSON)';
	}
}

/** The name of a `format` marker this site writes, for "this is a progress export, not …". */
export function formatName(found: unknown): string | undefined {
	switch (found) {
		case 'secure-ai-academy/progress':
			return 'a progress export (from the dashboard)';
		case 'secure-ai-academy/report':
			return 'an assignment report';
		case 'secure-ai-academy/set-aside':
			return 'a set-aside copy of stored progress';
		case 'secure-ai-academy/evidence':
			return 'the evidence part of a certificate or report';
		case 'secure-ai-academy/lab-suite':
			return 'a lab’s test suite';
		default:
			return undefined;
	}
}

/**
 * The headline for input recognised as something other than `expected` (with its article, e.g.
 * "a learner’s report file"): "This is a PNG image, not a learner’s report file." Features add
 * what to do.
 */
export function recognisedSentence(r: Recognised, expected: string): string {
	switch (r.kind) {
		case 'empty':
			return `This is empty: there is no ${expected.replace(/^(a|an|the) /, '')} in it.`;
		case 'binary':
			return `This is ${BINARY_NAMES[r.what]}, not ${expected}.`;
		case 'html':
			return `This is a web page (HTML), not ${expected}.`;
		case 'jwt':
			return `This is a countersigned credential (JWT), not ${expected}.`;
		case 'jwt-damaged':
			return `This starts like a countersigned credential (JWT) but was cut short or altered: ${jwtDamage(r.parts)}.`;
		case 'link':
			return `This is a web address (a link), not ${expected}.`;
		case 'json-cut-short':
			return `This starts like ${expected} but its end is missing: it was cut short while being copied or saved.`;
		case 'text':
			return `This is plain text, not ${expected}.`;
	}
}
