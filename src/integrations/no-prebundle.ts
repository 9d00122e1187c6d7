/**
 * Production builds skip Vite's dependency pre-bundling. `astro build` starts a short-lived Vite
 * dev server to sync the content layer and generate types; that server pre-bundles the browser
 * dependencies (React, react-dom, the dev toolbar) as `astro dev` would, although nothing is ever
 * served from it, and the real bundle is made afterwards by Rollup/rolldown from the sources.
 * Switching the optimizer off for `astro build` only removes that wasted step from every build;
 * `astro dev` is untouched. Nothing is checked less: content is still loaded, parsed and
 * validated by the same server, and the bundle is the same.
 */
import type { AstroIntegration } from 'astro';

/** Vite's rule (isDepOptimizationDisabled): no discovery and nothing to include turns it off. */
export function withoutPrebundle(optimizeDeps: { noDiscovery?: boolean; include?: string[] }): void {
	optimizeDeps.noDiscovery = true;
	optimizeDeps.include = [];
}

export function noPrebundle(): AstroIntegration {
	return {
		name: 'secure-ai-academy:no-prebundle',
		hooks: {
			'astro:config:setup': ({ command, updateConfig }) => {
				if (command !== 'build') return;
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'secure-ai-academy:no-prebundle',
								// After Astro's and the renderers' own hooks, which add `include` entries.
								enforce: 'post',
								configEnvironment(_name, options) {
									options.optimizeDeps ??= {};
									withoutPrebundle(options.optimizeDeps);
								},
							},
						],
					},
				});
			},
		},
	};
}
