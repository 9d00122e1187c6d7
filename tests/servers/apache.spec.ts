/**
 * deploy/apache/ (.htaccess and server.conf) serving the build (playwright.apache.config.ts): the
 * shared checks of checks.ts, and the .htaccess itself (and any .ht file) refused.
 */
import { BROWSER_SAMPLE, serverChecks } from './checks.ts';

serverChecks({
	name: 'Apache',
	serverHeader: 'Apache',
	refused: ['.htaccess', '.htpasswd'],
	browserPages: BROWSER_SAMPLE,
});
