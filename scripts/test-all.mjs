// `npm test`: every check in one command, in the order a failure is cheapest to find:
// type-check, lint, unit and content tests, the lessons' Python examples (pytest), production
// build (with Pagefind), browser tests.
// Prints a per-stage table and a closing line "N passed, N failed" that counts every test
// (Vitest, pytest and Playwright) plus one for each whole-stage check (type-check, lint, build).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = [];
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: process.env.FORCE_COLOR ?? '0' };
mkdirSync('test-results', { recursive: true });

function run(cmd, args) {
	console.log(`\n━━ ${[cmd, ...args].join(' ')}`);
	const r = spawnSync(cmd, args, { stdio: 'inherit', env, shell: false });
	return r.status === 0;
}

function readJson(path) {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return undefined;
	}
}

function stage(name, ok) {
	results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

const bin = (name) => `node_modules/.bin/${name}`;

stage('type-check (astro check)', run(bin('astro'), ['check']));
stage('lint and format (biome)', run(bin('biome'), ['check', '.']));

rmSync('test-results/unit.json', { force: true });
const unitOk = run(bin('vitest'), [
	'run',
	'--reporter=default',
	'--reporter=json',
	'--outputFile=test-results/unit.json',
]);
const unit = readJson('test-results/unit.json');
if (unit) {
	results.push({
		name: 'unit, content and build-error tests (vitest)',
		passed: unit.numPassedTests,
		failed: unit.numFailedTests + (unitOk || unit.numFailedTests > 0 ? 0 : 1),
	});
} else {
	stage('unit, content and build-error tests (vitest)', false);
}

// The lessons' Python fixed examples, run by pytest against each lesson's attack (tests/python).
// Any python3 with pytest will do: Debian's python3-pytest in CI, or PYTHON=/path/to/python.
const python = [process.env.PYTHON, 'python3', '/usr/bin/python3'].find(
	(p) => p && spawnSync(p, ['-m', 'pytest', '--version'], { env, stdio: 'ignore' }).status === 0,
);
if (!python) {
	console.error(
		[
			'',
			'The Python fixed-example tests need Python 3 with pytest, and none was found.',
			'  Debian/Ubuntu:  sudo apt-get install -y python3 python3-pytest',
			'  Elsewhere:      python3 -m pip install pytest, or set PYTHON=/path/to/a/python-with-pytest',
		].join('\n'),
	);
	stage('Python fixed examples (no pytest found)', false);
} else {
	rmSync('test-results/python.xml', { force: true });
	const pyOk = run(python, [
		'-m',
		'pytest',
		'tests/python',
		'-q',
		'-p',
		'no:cacheprovider',
		'--junitxml=test-results/python.xml',
	]);
	let xml = '';
	try {
		xml = readFileSync('test-results/python.xml', 'utf8');
	} catch {}
	const suite = /<testsuite\b[^>]*>/.exec(xml)?.[0] ?? '';
	const count = (name) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(suite)?.[1] ?? Number.NaN);
	const [tests, failures, errors, skipped] = ['tests', 'failures', 'errors', 'skipped'].map(count);
	if (Number.isNaN(tests)) {
		stage('Python fixed examples (pytest)', false);
	} else {
		const failed = failures + errors;
		results.push({
			name: 'Python fixed examples (pytest)',
			passed: tests - failed - skipped,
			failed: failed + (pyOk || failed > 0 ? 0 : 1),
		});
	}
}

const buildOk = run(bin('astro'), ['build']);
stage('production build (astro + pagefind)', buildOk);

const { chromiumPath } = await import('../playwright.config.ts').catch(() => ({ chromiumPath: undefined }));
if (!buildOk) {
	console.error('\nBrowser tests skipped: the build failed (see above).');
	stage('browser tests (skipped: no build)', false);
} else if (!chromiumPath || !existsSync(chromiumPath)) {
	console.error(
		[
			'',
			`Browser tests need Chromium, and none was found${chromiumPath ? ` at ${chromiumPath}` : ''}.`,
			'  Debian/Ubuntu:  sudo apt-get install -y chromium',
			'  Elsewhere:      install Chrome or Chromium and set CHROMIUM_PATH=/path/to/the/binary',
			'(Playwright’s own browser download is not used.)',
		].join('\n'),
	);
	stage('browser tests (no Chromium found)', false);
} else {
	const e2e = (name, report, extraEnv, args = []) => {
		rmSync(report, { force: true });
		console.log(`\n━━ ${name}`);
		const r = spawnSync(bin('playwright'), ['test', ...args], {
			stdio: 'inherit',
			env: { ...env, ...extraEnv, E2E_REPORT: report },
		});
		const json = readJson(report);
		if (json?.stats) {
			const failed = json.stats.unexpected + json.stats.flaky;
			results.push({
				name,
				passed: json.stats.expected,
				failed: failed + (r.status === 0 || failed > 0 ? 0 : 1),
			});
		} else {
			stage(name, false);
		}
	};
	e2e('browser and accessibility tests (playwright)', 'test-results/e2e.json', {});
	// LMS packages run inside an LMS: scorm-again (SCORM 1.2 and 2004) and a strict in-test LRS (cmi5).
	e2e('LMS packages in scorm-again and a strict LRS (playwright)', 'test-results/lms-e2e.json', {}, [
		'-c',
		'playwright.lms.config.ts',
	]);

	// The same suite against a build served under a base path, as a self-hosting team might deploy it.
	const baseEnv = { ACADEMY_CONFIG: 'tests/fixtures/config/base-path.yaml', ACADEMY_OUT_DIR: 'dist-base' };
	console.log('\n━━ astro build (under /training/)');
	const baseBuild = spawnSync(bin('astro'), ['build'], { stdio: 'inherit', env: { ...env, ...baseEnv } });
	stage('production build under a base path (/training/)', baseBuild.status === 0);
	if (baseBuild.status === 0) {
		e2e('browser tests again under /training/ (playwright)', 'test-results/e2e-base.json', {
			...baseEnv,
			E2E_BASE_PATH: '/training/',
			E2E_PORT: '4323',
		});
	}

	// Every shipped server configuration (deploy/), serving the build for real on loopback: the
	// same checks (tests/servers/checks.ts) against Debian's nginx, apache2 and caddy.
	const servers = [
		{
			name: 'nginx',
			pkg: 'nginx',
			pathVar: 'NGINX_PATH',
			paths: ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'],
		},
		{
			name: 'apache',
			pkg: 'apache2',
			pathVar: 'APACHE_PATH',
			paths: ['/usr/sbin/apache2', '/usr/sbin/httpd', '/usr/local/sbin/httpd'],
		},
		{ name: 'caddy', pkg: 'caddy', pathVar: 'CADDY_PATH', paths: ['/usr/bin/caddy', '/usr/local/bin/caddy'] },
	];
	for (const { name, pkg, pathVar, paths } of servers) {
		if (process.env[pathVar] || paths.some((p) => existsSync(p))) {
			e2e(
				`site served by ${name} with the shipped config (playwright)`,
				`test-results/e2e-${name}.json`,
				{},
				['-c', `playwright.${name}.config.ts`],
			);
		} else {
			console.error(`\nThe ${name} tests need ${pkg}: sudo apt-get install -y ${pkg} (or set ${pathVar}).`);
			stage(`${name} tests (${pkg} not found)`, false);
		}
	}
}

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log('\n━━ Summary');
for (const r of results) {
	console.log(`${r.failed === 0 ? 'ok  ' : 'FAIL'}  ${r.name}: ${r.passed} passed, ${r.failed} failed`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
