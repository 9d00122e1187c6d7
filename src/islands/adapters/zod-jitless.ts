/**
 * Must be the first import of every island. zod 4 speeds up parsing by compiling code with
 * `new Function`, which the site's Content-Security-Policy forbids (no 'unsafe-eval'); even its
 * probe for eval shows up as a policy violation. Jitless mode parses without it.
 */
import { z } from 'astro/zod';

z.config({ jitless: true });
