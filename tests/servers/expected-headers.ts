/**
 * The response headers every shipped server configuration (deploy/nginx, deploy/apache,
 * deploy/caddy, deploy/static-hosts/_headers) sends with every page and file, value for value.
 * The browser tests in tests/servers/ check them on the wire; tests/repo/deploy-configs.test.ts
 * checks that each shipped file names exactly these.
 */
export const SECURITY_HEADERS = {
	'Content-Security-Policy': "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
	'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
	'X-Content-Type-Options': 'nosniff',
	'X-Frame-Options': 'DENY',
	'Referrer-Policy': 'no-referrer',
	'Permissions-Policy':
		'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

/** Cache-Control by kind of file: hashed assets, Pagefind's files, and everything else (pages, sw.js, the 404 page). */
export const CACHE_CONTROL = {
	hashed: 'public, max-age=31536000, immutable',
	pagefind: 'public, max-age=0, must-revalidate',
	pages: 'no-cache',
} as const;
