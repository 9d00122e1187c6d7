// suggestions: [{ name, version }] proposed by the coding assistant.
// registry.lookup(name): { versions: string[], weeklyDownloads: number } | null.
// approved: the organisation's vetted package names.
// A suggestion is installed only when its exact name is approved and its exact version exists.
interface Suggestion {
	name: string;
	version: string;
}
interface Registry {
	lookup(name: string): { versions: string[]; weeklyDownloads: number } | null;
}

function planInstall(suggestions: Suggestion[], registry: Registry, approved: string[]) {
	const install: Suggestion[] = [];
	const refuse: { name: string; reason: string }[] = [];
	for (const s of suggestions) {
		const name = String(s.name);
		const version = String(s.version);
		if (!approved.includes(name)) {
			refuse.push({ name, reason: 'not on the approved list: ask for it to be vetted first' });
			continue;
		}
		const entry = registry.lookup(name);
		if (!entry || !entry.versions.includes(version)) {
			refuse.push({ name, reason: `version ${version} is not a published version of ${name}` });
			continue;
		}
		install.push({ name, version });
	}
	return { install, refuse };
}
