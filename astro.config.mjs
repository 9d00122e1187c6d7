// @ts-check
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import { noPrebundle } from './src/integrations/no-prebundle.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { pdfFontFiles } from './src/integrations/pdf-fonts.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';
import { siteUrlCheck } from './src/integrations/site-url-warning.ts';
import { configPath, loadSiteConfig } from './src/lib/site-config.ts';
import { connectSrc } from './src/schemas/site-config.ts';

// academy.config.yaml (or ACADEMY_CONFIG): validated here, so a bad value stops the build.
const config = loadSiteConfig();

export default defineConfig({
	site: config.site.url,
	base: config.site.basePath,
	// Tests build a second copy (e.g. under a base path) without touching dist/.
	outDir: process.env.ACADEMY_OUT_DIR ?? './dist',
	trailingSlash: 'ignore',
	integrations: [
		noPrebundle(),
		mdx(),
		react(),
		pagefind(),
		// Before the service worker, which lists what the build wrote.
		pdfFontFiles(),
		serviceWorker(),
		siteUrlCheck(config.site.url, configPath()),
	],
	markdown: {
		// Prism emits class names (themed in src/styles/code.css) instead of inline styles,
		// which keeps a strict Content-Security-Policy possible and follows the dark theme.
		syntaxHighlight: 'prism',
	},
	devToolbar: { enabled: false },
	// A strict Content-Security-Policy in a <meta> element on every page: scripts and styles only
	// from this origin or by hash (no 'unsafe-inline', no 'unsafe-eval'). Server configs in
	// deploy/ add the directives a <meta> policy cannot carry (frame-ancestors) as headers.
	security: {
		csp: {
			directives: [
				"default-src 'self'",
				"img-src 'self' data:",
				"font-src 'self'",
				// Only the site's origin, plus the LRS's origin when the optional xAPI feed is configured.
				connectSrc(config),
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
				"worker-src 'self'",
				"manifest-src 'self'",
			],
			scriptDirective: {
				// Pagefind's search runs as WebAssembly; 'wasm-unsafe-eval' allows only that, not eval().
				resources: ["'self'", "'wasm-unsafe-eval'"],
			},
		},
	},
	build: {
		format: 'directory',
		// Render up to four pages at a time. Rendering a page is quick, but writing it out waits on
		// the disk; with one page at a time the build sat idle for those waits. Issue #22 measured
		// a 100-module build 1.5 s faster (about 12%) on 2 cores, with byte-identical output.
		concurrency: 4,
	},
	vite: {
		build: {
			rollupOptions: {
				onwarn(warning, warn) {
					// Harmless warning for MDX files that use components (withastro/astro#18087).
					if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject'))
						return;
					warn(warning);
				},
			},
		},
	},
});
