/**
 * The build skips Vite's dependency pre-bundling (src/integrations/no-prebundle.ts); `astro dev`
 * keeps it. Vite switches its optimizer off exactly when discovery is off and nothing is included.
 */
import type { AstroIntegration } from 'astro';
import { describe, expect, test } from 'vitest';
import { noPrebundle, withoutPrebundle } from '../../src/integrations/no-prebundle.ts';

type Setup = NonNullable<AstroIntegration['hooks']['astro:config:setup']>;
type EnvHook = (
	name: string,
	options: { optimizeDeps?: { noDiscovery?: boolean; include?: string[] } },
) => void;

/** Runs the integration's setup hook for `command`; returns the Vite plugins it added. */
function pluginsFor(command: 'build' | 'dev' | 'preview' | 'sync') {
	const updates: { vite?: { plugins?: { name: string; enforce?: string; configEnvironment: EnvHook }[] } }[] =
		[];
	const setup = noPrebundle().hooks['astro:config:setup'] as Setup;
	setup({
		command,
		updateConfig: (c: (typeof updates)[number]) => updates.push(c),
	} as unknown as Parameters<Setup>[0]);
	return updates.flatMap((u) => u.vite?.plugins ?? []);
}

describe('no dependency pre-bundling in production builds', () => {
	test('the build gets a late Vite plugin that empties the includes and stops discovery', () => {
		const [plugin, ...more] = pluginsFor('build');
		expect(more).toHaveLength(0);
		expect(plugin?.enforce).toBe('post');
		const client = { optimizeDeps: { include: ['react', 'react-dom/client', 'astro > html-escaper'] } };
		plugin?.configEnvironment('client', client);
		expect(client.optimizeDeps).toEqual({ noDiscovery: true, include: [] });
		const bare: { optimizeDeps?: { noDiscovery?: boolean; include?: string[] } } = {};
		plugin?.configEnvironment('ssr', bare);
		expect(bare.optimizeDeps).toEqual({ noDiscovery: true, include: [] });
	});
	test('astro dev, preview and sync keep Vite as it is', () => {
		expect(pluginsFor('dev')).toEqual([]);
		expect(pluginsFor('preview')).toEqual([]);
		expect(pluginsFor('sync')).toEqual([]);
	});
	test('withoutPrebundle overrides discovery that was switched on', () => {
		const deps = { noDiscovery: false, include: ['lunr'] };
		withoutPrebundle(deps);
		expect(deps).toEqual({ noDiscovery: true, include: [] });
	});
});
