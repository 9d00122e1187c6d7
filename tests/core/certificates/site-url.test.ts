import { describe, expect, test } from 'vitest';
import { DEFAULT_SITE_URL, siteUrlWarning } from '../../../src/integrations/site-url-warning.ts';
import { SiteConfigSchema } from '../../../src/schemas/site-config.ts';

describe('site.url left at its default', () => {
	test('the default in the schema is the one the warning looks for', () => {
		expect(SiteConfigSchema.parse({}).site.url).toBe(DEFAULT_SITE_URL);
	});
	test('a production build warns, naming the setting, the file and the fix', () => {
		const w = siteUrlWarning('http://127.0.0.1:4321', '/srv/academy.config.yaml');
		expect(w).toContain('site.url is still the default, http://127.0.0.1:4321');
		expect(w).toContain('/srv/academy.config.yaml');
		expect(w).toContain('e.g. https://training.example.org');
		expect(siteUrlWarning('http://127.0.0.1:4321/', 'x')).toBeDefined();
	});
	test('a real address gives no warning', () => {
		expect(siteUrlWarning('https://training.example.org', 'x')).toBeUndefined();
		expect(siteUrlWarning('http://127.0.0.1:8080', 'x')).toBeUndefined();
	});
});
