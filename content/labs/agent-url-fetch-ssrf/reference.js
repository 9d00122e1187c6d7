// The model's readPage tool: fetch the page at `url` with http.get(url) and return it.
// The model chooses the URL and anything it read can steer it, so the tool may reach only the two
// sites it needs, over https, with the host compared exactly.
const ALLOWED_HOSTS = ['docs.example.com', 'www.gov.uk'];

function fetchForAgent(url, http) {
	const match = /^https:\/\/([a-z0-9.-]+)(\/[^\s\\]*)?$/i.exec(String(url));
	if (!match) throw new Error('only plain https addresses on an allowed site can be read');
	const host = match[1].toLowerCase();
	if (!ALLOWED_HOSTS.includes(host)) throw new Error(`the assistant may not read pages on ${host}`);
	return http.get(`https://${host}${match[2] || '/'}`);
}
