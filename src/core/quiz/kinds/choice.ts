/** Shared logic for kinds that pick options or lines: single, multiple, spot-the-line. */
import type { FeedbackLine } from './types.ts';

export interface Pickable {
	key: string;
	label: string;
	expected: boolean;
	explanation: string;
}

/**
 * Partial credit rule for "select all that apply": (right picks − wrong picks) / number of right
 * answers, never below 0. Guessing everything therefore earns nothing, and one miss out of three
 * right answers still earns two thirds.
 */
export function selectionCredit(items: readonly Pickable[], picked: ReadonlySet<string>): number {
	const right = items.filter((i) => i.expected).length;
	if (right === 0) return 0;
	const hits = items.filter((i) => i.expected && picked.has(i.key)).length;
	const misses = items.filter((i) => !i.expected && picked.has(i.key)).length;
	return Math.max(0, (hits - misses) / right);
}

export function selectionFeedback(items: readonly Pickable[], picked: ReadonlySet<string>): FeedbackLine[] {
	return items.map((i) => ({
		label: i.label,
		chosen: picked.has(i.key),
		expected: i.expected,
		explanation: i.explanation,
	}));
}

export function listLabels(items: readonly Pickable[], keep: (i: Pickable) => boolean): string[] {
	return items.filter(keep).map((i) => i.label);
}
