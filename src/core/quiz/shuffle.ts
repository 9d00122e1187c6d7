/**
 * Deterministic shuffling: the same seed always gives the same order, so a page renders the
 * same order on every build and a review can show the order a learner saw.
 */

/** FNV-1a 32-bit hash of a string, used to turn ids into seeds. */
export function hashString(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** mulberry32: a small, fast PRNG with a 32-bit state. Returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * Returns a shuffled copy (Fisher-Yates). Items for which `pinned` returns true keep their index.
 */
export function shuffle<T>(items: readonly T[], seed: number | string, pinned?: (item: T) => boolean): T[] {
	const random = seededRandom(typeof seed === 'string' ? hashString(seed) : seed);
	const out = items.slice();
	const free = out.map((_, i) => i).filter((i) => !pinned?.(out[i] as T));
	for (let k = free.length - 1; k > 0; k--) {
		const j = Math.floor(random() * (k + 1));
		const a = free[k] as number;
		const b = free[j] as number;
		[out[a], out[b]] = [out[b] as T, out[a] as T];
	}
	return out;
}
