/**
 * Reading JSON that someone else made (an assignment link, a learner's report): refuses it when it
 * is too big, nested too deep, not JSON, or crafted with a `__proto__` key, before any schema sees
 * it. Each refusal says what was wrong in plain words.
 */
import { parseJson } from '../progress/codec.ts';

export interface JsonLimits {
	/** Largest accepted text, in UTF-8 bytes. */
	maxBytes: number;
	/** Deepest accepted nesting of objects and arrays. */
	maxDepth: number;
}

export type UntrustedJson =
	| { ok: true; value: unknown }
	| { ok: false; reason: 'too-large' | 'too-deep' | 'not-json' | 'crafted'; message: string };

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

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 1)} MB`;

export function parseUntrustedJson(
	text: string,
	limits: JsonLimits,
	byteLength = new TextEncoder().encode(text).length,
): UntrustedJson {
	if (byteLength > limits.maxBytes) {
		return {
			ok: false,
			reason: 'too-large',
			message: `it is ${mb(byteLength)}, over the limit of ${mb(limits.maxBytes)}`,
		};
	}
	if (nestingDepth(text, limits.maxDepth) > limits.maxDepth) {
		return {
			ok: false,
			reason: 'too-deep',
			message: `it is nested more than ${limits.maxDepth} levels deep, which no file made by this site is`,
		};
	}
	try {
		return { ok: true, value: parseJson(text) };
	} catch (e) {
		const message = (e as Error).message;
		return message.includes('__proto__')
			? {
					ok: false,
					reason: 'crafted',
					message: 'it contains a "__proto__" key, so it was crafted or edited',
				}
			: { ok: false, reason: 'not-json', message: 'it is not valid JSON' };
	}
}
