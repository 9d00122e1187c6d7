/** `astro preview` of a built project copy, on a free port from the range the bench may use. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../lib/temp-project.ts';

/** Ports the bench may use (override with BENCH_PORTS=first-last). */
const [FIRST, LAST] = (process.env.BENCH_PORTS ?? '4410-4420').split('-').map(Number) as [number, number];

function free(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const s = createServer();
		s.once('error', () => resolve(false));
		s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
	});
}

export interface Preview {
	/** The site's root URL, ending in "/". */
	url: string;
	stop(): Promise<void>;
}

export async function startPreview(dir: string, config = 'bench.config.mjs'): Promise<Preview> {
	let port = FIRST;
	while (!(await free(port))) {
		if (++port > LAST) throw new Error(`No free port in ${FIRST}-${LAST} for astro preview.`);
	}
	const child: ChildProcess = spawn(
		process.execPath,
		[
			join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'),
			'preview',
			'--config',
			config,
			'--host',
			'127.0.0.1',
			'--port',
			String(port),
		],
		{ cwd: dir, stdio: 'ignore', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } },
	);
	const url = `http://127.0.0.1:${port}/`;
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`astro preview exited (${child.exitCode}) in ${dir}`);
		try {
			if ((await fetch(url)).ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill();
			throw new Error(`astro preview did not answer on ${url} within 30 s`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		url,
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			}),
	};
}
