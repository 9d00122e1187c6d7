/**
 * The send queue's rules, shared by the cmi5 runtime (src/islands/adapters/lms/cmi5.ts) and the
 * LRS feed (src/islands/adapters/xapi/feed.ts): statements go out one at a time, in order; while
 * the LRS cannot be reached the head waits and is retried after 1 s, doubling up to 15 s (and at
 * once when the browser comes back online); a statement the LRS refuses (HTTP 4xx other than
 * 408 and 429) is dropped and reported, never retried.
 *
 * The feed's queue lives in local storage (`FeedQueue`), so a closed tab loses nothing: it is
 * sent from the next page that runs the feed.
 */
import type { FeedItem } from './statements.ts';

export const RETRY_FIRST_MS = 1000;
export const RETRY_MAX_MS = 15_000;

export function nextRetryDelay(current: number): number {
	return Math.min(current * 2, RETRY_MAX_MS);
}

/** What to do with the head of the queue after an attempt to send it. */
export type SendOutcome = 'sent' | 'refused' | 'retry';

/**
 * `status` is the HTTP status, or undefined when no answer came (offline, DNS, CORS, timeout).
 * 409 Conflict means the LRS already has a statement with this id: a retry of one that arrived.
 */
export function sendOutcome(status: number | undefined): SendOutcome {
	if (status === undefined) return 'retry';
	if ((status >= 200 && status < 300) || status === 409) return 'sent';
	if (status >= 400 && status < 500 && status !== 408 && status !== 429) return 'refused';
	return 'retry';
}

/** The stored state of the feed: statements waiting, and the events already queued. */
export interface FeedQueue {
	v: 1;
	waiting: FeedItem[];
	/** Keys of every event ever queued (sent, waiting or refused): none is queued twice. */
	done: string[];
}

export function emptyQueue(): FeedQueue {
	return { v: 1, waiting: [], done: [] };
}

/** Reads a stored queue; anything unreadable counts as empty (the record itself is never touched). */
export function parseQueue(text: string | null): FeedQueue {
	if (!text) return emptyQueue();
	try {
		const q = JSON.parse(text) as Partial<FeedQueue>;
		if (q?.v !== 1 || !Array.isArray(q.waiting) || !Array.isArray(q.done)) return emptyQueue();
		return {
			v: 1,
			waiting: q.waiting.filter((i) => typeof i?.key === 'string' && typeof i.statement?.id === 'string'),
			done: q.done.filter((k) => typeof k === 'string'),
		};
	} catch {
		return emptyQueue();
	}
}

/** Adds new items at the tail (skipping any event already queued) and records their keys. */
export function enqueue(q: FeedQueue, items: readonly FeedItem[]): FeedQueue {
	const done = new Set(q.done);
	const add = items.filter((i) => !done.has(i.key));
	for (const i of add) done.add(i.key);
	return { v: 1, waiting: [...q.waiting, ...add], done: [...done] };
}

/** Removes the item with this statement id (sent or refused); other tabs may have removed it already. */
export function settle(q: FeedQueue, statementId: string): FeedQueue {
	return { ...q, waiting: q.waiting.filter((i) => i.statement.id !== statementId) };
}
