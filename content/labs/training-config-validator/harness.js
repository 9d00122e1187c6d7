// Builds the arguments for validateConfig(config). Cases give the configuration either as the
// argument list (input.args) or as JSON text (input.json), so that a seeded variant can change a
// number or leave a setting out; the job's configuration file is JSON either way.
function labSetup(input) {
	if (input.args) return input.args;
	return [JSON.parse(input.json)];
}
