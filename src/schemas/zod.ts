/**
 * The project's one import of zod: every module that builds or parses a schema imports `z` from
 * here, never from 'astro/zod' directly (tests/repo/imports.test.ts holds the line).
 *
 * Why: zod 4 speeds up parsing by compiling code with `new Function`, which the site's
 * Content-Security-Policy forbids (no 'unsafe-eval'). Even its probe for eval, run when the first
 * object schema is built, shows up as a policy violation. Jitless mode parses without it. Because
 * this module is a dependency of every schema module, the setting is in place before any schema
 * is built, however the bundler splits the code into files (a side-effect import at the top of
 * each island, as before, was not enough once zod moved into a shared file of its own). Node
 * (build, tests, CLIs) parses the same way the browser does.
 */
import { z } from 'astro/zod';

z.config({ jitless: true });

export { z };
