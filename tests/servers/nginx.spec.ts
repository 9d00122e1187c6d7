/** deploy/nginx/ serving the build (playwright.nginx.config.ts): the shared checks of checks.ts. */
import { serverChecks } from './checks.ts';

serverChecks({ name: 'nginx', serverHeader: 'nginx' });
