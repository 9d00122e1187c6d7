/**
 * Stage 1 of the one pipeline for opening untrusted data (see open.ts): reading JSON that someone
 * else made. Refuses it when it is too big, nested too deep, not JSON, or crafted with a
 * `__proto__` key, before any schema sees it. Returns codes with data; envelope/messages.ts and
 * each feature's messages.ts turn them into words. Before any of that, stage 0 (sniff.ts)
 * recognises input that is plainly something else (an image, a PDF, a web page, a JWT, JSON cut
 * short) and says what it is.
 */
import { type Recognised, recognise } from './sniff.ts';

export interface JsonLimits {
	/** Largest accepted text, in UTF-8 bytes. */
	maxBytes: number;
	/** Deepest accepted nesting of objects and arrays. */
	maxDepth: number;
}

export type JsonProblem =
	| { code: 'too-large'; bytes: number; maxBytes: number }
	| { code: 'too-deep'; maxDepth: number }
	| { code: 'looks-like'; what: Recognised; detail?: string }
	/** `detail`: the JSON parser's own words, for a disclosure, never for the headline. */
	| { code: 'not-json'; detail: string }
	| { code: 'crafted' };

export type UntrustedJson = { ok: true; value: unknown } | { ok: false; problem: JsonProblem };

/** Thrown by parseJson on a `__proto__` key: the one place that detects it. */
export class CraftedKeyError extends SyntaxError {
	override name = 'CraftedKeyError';
	constructor() {
		super('a "__proto__" key is not allowed');
	}
}

/**
 * JSON.parse that refuses `__proto__` keys. Our own files never contain one, so its presence
 * means the data was crafted; zod would silently drop it, but we would rather say so.
 */
export function parseJson(text: string): unknown {
	return JSON.parse(text, (key, value) => {
		if (key === '__proto__') throw new CraftedKeyError();
		return value;
	});
}

/**
 * The deepest nesting of `{` and `[` in JSON text, ignoring brackets inside strings. Counting
 * first means a file of a million `[` is refused without ever being parsed.
 */
export function nestingDepth(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
	let depth = 0;
	let max = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c)
				i++; // backslash: skip the escaped character
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) inString = true;
		else if (c === 0x7b || c === 0x5b) {
			depth++;
			if (depth > max) {
				max = depth;
				if (max > stopAbove) return max;
			}
		} else if (c === 0x7d || c === 0x5d) depth--;
	}
	return max;
}

export function readUntrustedJson(
	text: string,
	limits: JsonLimits,
	byteLength = new TextEncoder().encode(text).length,
): UntrustedJson {
	const what = recognise(text);
	if (what && what.kind !== 'json-cut-short' && what.kind !== 'text')
		return { ok: false, problem: { code: 'looks-like', what } };
	if (byteLength > limits.maxBytes)
		return { ok: false, problem: { code: 'too-large', bytes: byteLength, maxBytes: limits.maxBytes } };
	if (nestingDepth(text, limits.maxDepth) > limits.maxDepth)
		return { ok: false, problem: { code: 'too-deep', maxDepth: limits.maxDepth } };
	try {
		return { ok: true, value: parseJson(text) };
	} catch (e) {
		if (e instanceof CraftedKeyError) return { ok: false, problem: { code: 'crafted' } };
		const detail = (e as Error).message;
		// Recognised only now, so that valid JSON never depends on the guess.
		return { ok: false, problem: what ? { code: 'looks-like', what, detail } : { code: 'not-json', detail } };
	}
}
