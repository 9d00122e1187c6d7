import { describe, expect, it } from 'vitest';
import { itemLabel, notPublished } from '../../../src/core/assignments/messages.ts';

describe('assignment messages', () => {
	it('names each kind of assigned item, known or not', () => {
		expect(itemLabel({ kind: 'path', title: 'Developer' })).toBe('Learning path: Developer');
		expect(itemLabel({ kind: 'unknown-path', id: 'ops' })).toBe('Learning path “ops”');
		expect(itemLabel({ kind: 'principle', number: 5, title: 'Assets' })).toBe('Principle 5: Assets');
		expect(itemLabel({ kind: 'principle', number: 9, title: undefined })).toBe('Principle 9');
		expect(itemLabel({ kind: 'module', title: 'Module one' })).toBe('Module: Module one');
		expect(itemLabel({ kind: 'unknown-module', id: 'gone' })).toBe('Module “gone”');
		expect(notPublished('Module “gone”')).toBe('Module “gone” is not published on this site');
	});
});
