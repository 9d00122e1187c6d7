/**
 * Reads a JSON file this site publishes for verifiers (a quiz bank, a lab suite), once per page:
 * - later calls for the same address reuse the answer;
 * - a file the site does not publish (404), or one that `parse` does not accept, is missing
 *   (undefined): the caller reports it as unknown;
 * - anything else (no connection, another status, not JSON) is an error whose message `failed`
 *   words from the reason; it is not cached, so the next call fetches again.
 */
export function publishedJson<T>(
	cache: Map<string, Promise<T | undefined>>,
	url: string,
	parse: (json: unknown) => T | undefined,
	failed: (reason: string) => string,
	fetchImpl: typeof fetch,
): Promise<T | undefined> {
	let p = cache.get(url);
	if (!p) {
		p = fetchImpl(url)
			.then(async (r) => {
				if (r.status === 404) return undefined;
				if (!r.ok) throw new Error(`it answered ${r.status}`);
				return parse(await r.json());
			})
			.catch((e: unknown) => {
				cache.delete(url);
				throw new Error(failed((e as Error).message));
			});
		cache.set(url, p);
	}
	return p;
}
