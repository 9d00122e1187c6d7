/**
 * deploy/caddy/Caddyfile serving the build (playwright.caddy.config.ts): the shared checks of
 * checks.ts; the Caddyfile removes the Server header altogether.
 */
import { BROWSER_SAMPLE, serverChecks } from './checks.ts';

serverChecks({ name: 'Caddy', serverHeader: undefined, browserPages: BROWSER_SAMPLE });
