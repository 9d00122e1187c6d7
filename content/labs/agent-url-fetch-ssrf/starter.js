// The model's readPage tool: fetch the page at `url` with http.get(url) and return it.
function fetchForAgent(url, http) {
	if (!url.startsWith('http')) throw new Error('not a web address');
	return http.get(url);
}
