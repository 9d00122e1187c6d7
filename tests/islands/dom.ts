/**
 * Shared set-up for island component tests (files that start with `// @vitest-environment jsdom`).
 * jsdom rather than happy-dom: it follows the DOM and HTML specifications more closely where these
 * tests look (focus moves, form controls, `role`/`aria-*` queries, `File` and `Blob`), which is the
 * behaviour the islands are tested for; happy-dom is faster but the time here goes to rendering
 * React, not to the DOM.
 *
 * Each test starts with empty storage and a fresh module graph, so the page-wide progress store
 * (islands/adapters/progress-client.ts) is created anew for it.
 */
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

// jsdom has no CSS.escape, which user-event uses to walk radio groups with the arrow keys.
if (typeof globalThis.CSS === 'undefined' || typeof globalThis.CSS.escape !== 'function') {
	const cssEscape = (value: string) => String(value).replace(/[^a-zA-Z0-9_\u00A0-\uFFFF-]/g, (c) => `\\${c}`);
	Object.defineProperty(globalThis, 'CSS', { value: { escape: cssEscape }, configurable: true });
}

// jsdom's Blob has no stream(), which the link codec pipes through (De)CompressionStream; browsers
// and Node have it. This fills it in from arrayBuffer(), which jsdom has.
if (typeof Blob.prototype.stream !== 'function') {
	Blob.prototype.stream = function stream(this: Blob) {
		const blob = this;
		return new ReadableStream<Uint8Array>({
			async start(controller) {
				controller.enqueue(new Uint8Array(await blob.arrayBuffer()));
				controller.close();
			},
		}) as ReturnType<Blob['stream']>;
	};
}

beforeEach(() => {
	vi.resetModules();
	window.localStorage.clear();
	window.location.hash = '';
});

afterEach(() => {
	cleanup();
	vi.restoreAllMocks();
	vi.unstubAllGlobals();
});

/** Resolves after pending animation frames and microtasks (focus moves happen in a frame). */
export const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
