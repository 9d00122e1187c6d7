// Builds the arguments for fetchForAgent(url, http): the URL the model asked for and an HTTP
// client that records every request and returns a page.
function labSetup(input, record) {
	const http = {
		get(url) {
			record('get', { url: String(url) });
			return { status: 200, body: `<h1>Page at ${String(url).slice(0, 80)}</h1>` };
		},
	};
	return [input.url, http];
}
