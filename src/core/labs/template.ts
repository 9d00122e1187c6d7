/**
 * Placeholders in lab cases: `{name}` for a case variable or a built-in, and text functions
 * `{upper:...}`, `{lower:...}`, `{mixcase:...}`, `{urlencode:...}`, `{htmlent:...}`, `{b64:...}`.
 * Everything random comes from one seeded generator, so a run is reproducible from its seed.
 */
import { seededRandom } from '../quiz/shuffle.ts';

export const BUILTIN_VARS = ['secret', 'host', 'n'] as const;
export const TEXT_FUNCTIONS = ['upper', 'lower', 'mixcase', 'urlencode', 'htmlent', 'b64'] as const;

const PLACEHOLDER = /\{([a-z][a-zA-Z0-9]*)\}/g;
const FUNCTION_CALL = new RegExp(`\\{(${TEXT_FUNCTIONS.join('|')}):([^{}]*)\\}`);

export type Random = () => number;
export { seededRandom };

/** A generator seeded by text (run seed + case id + draw number). */
export function randomFor(seed: string): Random {
	// FNV-1a over the text, mixed, then mulberry32.
	let h = 0x811c9dc5;
	for (let i = 0; i < seed.length; i++) {
		h ^= seed.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	// FNV-1a alone leaves seeds that differ in one character too alike; murmur3's finaliser spreads them.
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return seededRandom(h >>> 0);
}

const HOST_WORDS = ['collect', 'cdn-stats', 'img-cache', 'telemetry', 'pixel', 'assets', 'metrics', 'static'];
const HOST_TLDS = ['example', 'example.net', 'example.org', 'example.com'];

function pick<T>(list: readonly T[], random: Random): T {
	return list[Math.floor(random() * list.length)] as T;
}

/** Fresh values for the built-in placeholders. */
export function builtinValues(random: Random): Record<string, string> {
	const hex = Array.from({ length: 12 }, () => Math.floor(random() * 16).toString(16)).join('');
	const n = String(10 + Math.floor(random() * 990));
	return {
		secret: `SK-${hex}`,
		host: `${pick(HOST_WORDS, random)}-${n}.${pick(HOST_TLDS, random)}`,
		n,
	};
}

function base64(text: string): string {
	const bytes = new TextEncoder().encode(text);
	let bin = '';
	for (const b of bytes) bin += String.fromCharCode(b);
	return btoa(bin);
}

function applyFunction(name: string, text: string, random: Random): string {
	switch (name) {
		case 'upper':
			return text.toUpperCase();
		case 'lower':
			return text.toLowerCase();
		case 'mixcase': {
			let out = '';
			let changed = false;
			for (const ch of text) {
				const up = random() < 0.5;
				const next = up ? ch.toUpperCase() : ch.toLowerCase();
				if (next !== ch) changed = true;
				out += next;
			}
			// Make sure at least one letter changed case, so a variant never equals the plain text.
			if (!changed) {
				const i = [...out].findIndex((c) => c.toUpperCase() !== c.toLowerCase());
				if (i >= 0) {
					const chars = [...out];
					const c = chars[i] as string;
					chars[i] = c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase();
					out = chars.join('');
				}
			}
			return out;
		}
		case 'urlencode':
			return [...text]
				.map((c) =>
					/[A-Za-z0-9]/.test(c)
						? c
						: encodeURIComponent(c).replace(
								/[!'()*]/g,
								(x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`,
							),
				)
				.join('');
		case 'htmlent':
			return [...text].map((c) => `&#${c.codePointAt(0)};`).join('');
		case 'b64':
			return base64(text);
		default:
			return text;
	}
}

/** Placeholder names used in a text (not the text functions). */
export function placeholdersIn(text: string): string[] {
	return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

/** Fills `{name}` placeholders, then applies text functions innermost first. */
export function fillText(text: string, values: Record<string, string>, random: Random): string {
	let out = text.replace(PLACEHOLDER, (whole, name: string) =>
		Object.hasOwn(values, name) ? (values[name] as string) : whole,
	);
	for (let guard = 0; guard < 50; guard++) {
		const m = FUNCTION_CALL.exec(out);
		if (!m) break;
		out =
			out.slice(0, m.index) +
			applyFunction(m[1] as string, m[2] as string, random) +
			out.slice(m.index + m[0].length);
	}
	return out;
}

/** Deep-fills every string in a JSON-like value. */
export function fillValue(value: unknown, values: Record<string, string>, random: Random): unknown {
	if (typeof value === 'string') return fillText(value, values, random);
	if (Array.isArray(value)) return value.map((v) => fillValue(v, values, random));
	if (value && typeof value === 'object') {
		// Keys are filled too, so a case can name a field the attacker chooses.
		return Object.fromEntries(
			Object.entries(value).map(([k, v]) => [fillText(k, values, random), fillValue(v, values, random)]),
		);
	}
	return value;
}

/** Every string inside a JSON-like value, keys included (for checking placeholders). */
export function stringsIn(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(stringsIn);
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([k, v]) => [k, ...stringsIn(v)]);
	}
	return [];
}

export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
