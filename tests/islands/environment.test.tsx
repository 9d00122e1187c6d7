// @vitest-environment jsdom
/**
 * The component tests' environment: Node >= 22 has a localStorage global of its own, which would
 * shadow jsdom's; vitest.config.ts starts the workers with --no-experimental-webstorage so that the
 * islands see jsdom's, per window, cleared between tests.
 */
import { describe, expect, it } from 'vitest';
import './dom.ts';

describe('island test environment', () => {
	it("runs with Node's own web storage off, so localStorage is jsdom's", () => {
		expect(process.execArgv).toContain('--no-experimental-webstorage');
		expect(globalThis.localStorage).toBe(window.localStorage);
		expect(window.localStorage).toBeInstanceOf(window.Storage);
		window.localStorage.setItem('k', 'v');
		expect(window.localStorage.getItem('k')).toBe('v');
	});

	it('starts each test with empty storage', () => {
		expect(window.localStorage.length).toBe(0);
	});
});
