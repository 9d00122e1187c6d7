/**
 * The LMS side for the browser tests: packages the built site (npm run package:lms --reuse-dist),
 * unzips the packages and serves them the way an LMS does (same origin as the LMS page that
 * frames them), with a SCORM harness page whose API object is scorm-again's, and optional extra
 * routes (the cmi5 spec adds its LRS).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { unzipSync } from 'fflate';

const root = new URL('../..', import.meta.url).pathname;
const OUT = 'test-results/lms-packages';

/** Packages the given ids in the given formats; returns the zips' contents by file name. */
export function buildPackages(formats: string, only: string): Map<string, Record<string, Uint8Array>> {
	const r = spawnSync(
		process.execPath,
		['scripts/package-lms.ts', '--reuse-dist', `--formats=${formats}`, `--only=${only}`, `--out=${OUT}`],
		{ cwd: root, encoding: 'utf8' },
	);
	if (r.status !== 0) throw new Error(`package:lms failed:\n${r.stdout}\n${r.stderr}`);
	const zips = new Map<string, Record<string, Uint8Array>>();
	for (const line of r.stdout.split('\n')) {
		const m = /(\S+\.zip)$/.exec(line.trim());
		if (m?.[1]) zips.set(m[1].split('/').pop() as string, unzipSync(readFileSync(`${root}/${m[1]}`)));
	}
	return zips;
}

/** Content types the test servers send, by file extension. */
export const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.woff2': 'font/woff2',
	'.wasm': 'application/wasm',
	'.xml': 'application/xml',
};

export type Route = (req: IncomingMessage, res: ServerResponse, body: string) => boolean;

/** SCORM harness: the LMS page. Query: v=12|2004, pkg=<zip name>, launch=<file>, init=<flattened CMI JSON>. */
function harness(url: URL): string {
	const v = url.searchParams.get('v') === '12' ? '12' : '2004';
	const pkg = url.searchParams.get('pkg') ?? '';
	const launch = url.searchParams.get('launch') ?? '';
	const init = url.searchParams.get('init') ?? '{}';
	const global = v === '12' ? 'API' : 'API_1484_11';
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS harness</title>
<script src="/vendor/scorm${v}.js"></script>
<script>
window.${global} = new Scorm${v}API({ logLevel: 5, autocommit: false, lmsCommitUrl: false });
window.lmsApi = window.${global};
window.lmsApi.loadFromFlattenedJSON(${JSON.stringify(JSON.parse(init))});
</script></head><body>
<iframe id="sco" title="Course" style="width:100%;height:90vh" src="/pkg/${encodeURIComponent(pkg)}/${launch}"></iframe>
</body></html>`;
}

export async function serve(
	zips: Map<string, Record<string, Uint8Array>>,
	extra: Route[] = [],
): Promise<{ origin: string; missing: string[]; close(): Promise<void> }> {
	/** Package files a page asked for that the package does not carry (a broken package). */
	const missing: string[] = [];
	const server = createServer((req, res) => {
		let body = '';
		req.on('data', (c) => {
			body += c;
		});
		req.on('end', () => {
			for (const route of extra) if (route(req, res, body)) return;
			const url = new URL(req.url ?? '/', 'http://x');
			if (url.pathname === '/harness') {
				res.writeHead(200, { 'content-type': TYPES['.html'] as string }).end(harness(url));
				return;
			}
			const vendor = /^\/vendor\/(scorm12|scorm2004)\.js$/.exec(url.pathname);
			if (vendor) {
				res
					.writeHead(200, { 'content-type': 'text/javascript' })
					.end(readFileSync(`${root}/node_modules/scorm-again/dist/${vendor[1]}.js`));
				return;
			}
			const m = /^\/pkg\/([^/]+)\/(.*)$/.exec(url.pathname);
			const files = m?.[1] ? zips.get(decodeURIComponent(m[1])) : undefined;
			const file = m?.[2] !== undefined ? files?.[decodeURIComponent(m[2])] : undefined;
			if (!file) {
				if (files) missing.push(url.pathname);
				res.writeHead(404).end('not found');
				return;
			}
			res
				.writeHead(200, { 'content-type': TYPES[extname(url.pathname)] ?? 'application/octet-stream' })
				.end(file);
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		missing,
		close: () => new Promise((r) => server.close(() => r())),
	};
}
