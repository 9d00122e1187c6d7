/**
 * `npm run new -- module <id> [--track <track>] [--no-quiz]` and `npm run new -- quiz <id>
 * [--module <module-id>]`: writes a skeleton that passes `npm run validate`, each field explained
 * in place. `npm run new -- lab <id> --module <module-id>` writes a working lab to start from.
 */
import { parseArgs } from 'node:util';
import { createSkeleton, UsageError } from './lib/new-content.ts';

try {
	const { positionals, values } = parseArgs({
		allowPositionals: true,
		options: {
			track: { type: 'string' },
			module: { type: 'string' },
			'no-quiz': { type: 'boolean' },
			/** Another project folder than this one (used by the tests). */
			root: { type: 'string' },
		},
	});
	if (positionals.length > 2) {
		throw new UsageError(`Too many words: ${positionals.slice(2).join(' ')}. Give one kind and one id.`);
	}
	const written = createSkeleton(positionals[0], positionals[1], {
		root: values.root ?? new URL('..', import.meta.url).pathname,
		track: values.track,
		module: values.module,
		withQuiz: !values['no-quiz'],
	});
	console.log(`Wrote ${written.files.join(', ')}.`);
	for (const line of written.next) console.log(`- ${line}`);
} catch (e) {
	if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
		console.error(`new: ${(e as Error).message}`);
		process.exit(1);
	}
	throw e;
}
