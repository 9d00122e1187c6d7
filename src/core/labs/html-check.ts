/**
 * The `safeHtml` check: reads HTML the learner's code produced the way a browser would (tags,
 * quoted and unquoted attributes, entities, `/` between attributes, protocol-relative URLs,
 * backslashes in special-scheme URLs) and reports the first thing that would run script or make
 * the browser fetch from an origin outside the allow-list without a click.
 */

/** Tags that run script, embed other documents or load resources in ways a lab never needs. */
const FORBIDDEN_TAGS = new Set([
	'script',
	'iframe',
	'frame',
	'frameset',
	'object',
	'embed',
	'applet',
	'style',
	'link',
	'meta',
	'base',
	'form',
	'svg',
	'math',
	'template',
	'video',
	'audio',
	'source',
	'track',
	'portal',
	'noscript',
]);
/** Attributes whose value the browser fetches (or navigates to) without a click. */
const FETCHING_ATTRS = new Set([
	'src',
	'srcset',
	'data',
	'poster',
	'background',
	'lowsrc',
	'dynsrc',
	'action',
	'formaction',
	'xlink:href',
	'ping',
]);

const NAMED: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	colon: ':',
	sol: '/',
	bsol: '\\',
	tab: '\t',
	newline: '\n',
	nbsp: '\u00a0',
	period: '.',
	commat: '@',
};

export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, body: string) => {
		if (body[0] === '#') {
			const code =
				body[1] === 'x' || body[1] === 'X'
					? Number.parseInt(body.slice(2), 16)
					: Number.parseInt(body.slice(1), 10);
			return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
		}
		const named = NAMED[body.toLowerCase()];
		return named ?? whole;
	});
}

interface Tag {
	name: string;
	attrs: { name: string; value: string }[];
}

/** Tags in document order, as a browser's tokenizer would find them (good enough for grading). */
export function tagsOf(html: string): Tag[] {
	const tags: Tag[] = [];
	let i = 0;
	while (i < html.length) {
		const lt = html.indexOf('<', i);
		if (lt < 0) break;
		if (html.startsWith('<!--', lt)) {
			const end = html.indexOf('-->', lt + 4);
			i = end < 0 ? html.length : end + 3;
			continue;
		}
		const m = /^<\/?([a-zA-Z][^\s/>]*)/.exec(html.slice(lt, lt + 200));
		if (!m) {
			i = lt + 1;
			continue;
		}
		const closing = html[lt + 1] === '/';
		let j = lt + m[0].length;
		const attrs: { name: string; value: string }[] = [];
		// Attributes until an unquoted '>'.
		while (j < html.length && html[j] !== '>') {
			const ch = html[j] as string;
			if (/[\s/]/.test(ch)) {
				j++;
				continue;
			}
			let name = '';
			while (j < html.length && !/[\s/>=]/.test(html[j] as string)) name += html[j++];
			while (j < html.length && /\s/.test(html[j] as string)) j++;
			let value = '';
			if (html[j] === '=') {
				j++;
				while (j < html.length && /\s/.test(html[j] as string)) j++;
				const q = html[j];
				if (q === '"' || q === "'") {
					const end = html.indexOf(q, j + 1);
					value = html.slice(j + 1, end < 0 ? html.length : end);
					j = end < 0 ? html.length : end + 1;
				} else {
					while (j < html.length && !/[\s>]/.test(html[j] as string)) value += html[j++];
				}
			}
			if (name) attrs.push({ name: name.toLowerCase(), value: decodeEntities(value) });
		}
		i = j + 1;
		if (!closing) tags.push({ name: (m[1] as string).toLowerCase(), attrs });
	}
	return tags;
}

/** Scheme of a URL as a browser reads it (leading/trailing spaces and inner tabs/newlines ignored). */
function cleanUrl(value: string): string {
	// biome-ignore lint/suspicious/noControlCharactersInRegex: browsers strip these from URLs
	return value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

/**
 * The origin a URL loads from, or `same` for a same-origin relative URL, or `bad` for a scheme
 * that runs script or embeds data (`javascript:`, `data:`, `vbscript:`...).
 */
export function originOf(raw: string): string {
	const url = cleanUrl(raw);
	const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
	let rest: string;
	if (scheme) {
		const s = (scheme[1] as string).toLowerCase();
		if (s !== 'https' && s !== 'http') {
			return ['javascript', 'data', 'vbscript', 'file', 'blob'].includes(s) ? 'bad' : `other:${s}`;
		}
		rest = url.slice(scheme[0].length).replace(/^[/\\]*/, '');
		return authority(rest, s);
	}
	if (/^[/\\]{2}/.test(url)) return authority(url.replace(/^[/\\]*/, ''), 'https');
	return 'same';
}

function authority(rest: string, scheme: string): string {
	const end = rest.search(/[/\\?#]/);
	const auth = (end < 0 ? rest : rest.slice(0, end)).toLowerCase();
	if (auth.includes('@') || auth === '') return 'bad';
	return `${scheme}://${auth.replace(/\.$/, '')}`;
}

/** Undefined when the HTML is safe; otherwise what is wrong, in plain words. */
export function unsafeHtmlReason(html: string, allowOrigins: readonly string[]): string | undefined {
	const allowed = new Set(allowOrigins.map((o) => o.toLowerCase()));
	const ok = (url: string) => {
		const o = originOf(url);
		return o === 'same' || allowed.has(o);
	};
	for (const tag of tagsOf(html)) {
		if (FORBIDDEN_TAGS.has(tag.name)) return `the output contains a <${tag.name}> element`;
		for (const a of tag.attrs) {
			if (a.name.startsWith('on'))
				return `the output has an event-handler attribute ${a.name} on <${tag.name}>, which runs script`;
			if (a.name === 'style' && /url\s*\(|expression\s*\(/i.test(a.value)) {
				return `a style attribute on <${tag.name}> loads a URL`;
			}
			if (a.name === 'srcset') {
				const bad = a.value
					.split(',')
					.map((part) => part.trim().split(/\s+/)[0] ?? '')
					.find((u) => u && !ok(u));
				if (bad) return `<${tag.name} srcset> loads ${bad}, outside the allowed origins`;
				continue;
			}
			if (FETCHING_ATTRS.has(a.name) && !ok(a.value)) {
				return `<${tag.name} ${a.name}="${a.value.slice(0, 120)}"> loads from outside the allowed origins, with no click needed`;
			}
			if (a.name === 'href' && originOf(a.value) === 'bad') {
				return `<${tag.name} href="${a.value.slice(0, 120)}"> uses a scheme that runs script or embeds data`;
			}
		}
	}
	return undefined;
}
