// suggestions: [{ name, version }] proposed by the coding assistant.
// registry.lookup(name): { versions: string[], weeklyDownloads: number } | null.
// approved: the organisation's vetted package names.
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
		if (registry.lookup(s.name)) install.push(s);
		else refuse.push({ name: s.name, reason: 'not in the registry' });
	}
	return { install, refuse };
}
