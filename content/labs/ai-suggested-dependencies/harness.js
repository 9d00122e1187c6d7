// Builds the arguments for planInstall(suggestions, registry, approved). The registry knows a few
// real packages and whatever the case registers (input.registered: names an attacker published).
function labSetup(input, record) {
	const known = {
		zod: { versions: ['3.23.8', '4.1.12'], weeklyDownloads: 30000000 },
		express: { versions: ['4.21.2', '5.1.0'], weeklyDownloads: 40000000 },
		yaml: { versions: ['2.8.1', '2.9.1'], weeklyDownloads: 50000000 },
	};
	for (const name of input.registered || []) {
		known[name] = { versions: ['1.0.0', '1.0.1'], weeklyDownloads: 250000 };
	}
	const registry = {
		lookup(name) {
			record('lookup', { name: String(name) });
			return Object.hasOwn(known, name) ? known[name] : null;
		},
	};
	return [input.suggestions, registry, ['zod', 'express', 'yaml']];
}
