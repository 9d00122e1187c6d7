// The assistant's answer arrives as Markdown; this turns it into HTML for the chat window.
// The answer may have been written by an attacker (through a poisoned email or document), so:
// every character is escaped first, images load only from our documentation site, and links
// are only http(s).
const DOCS_ORIGIN = 'https://docs.example.com';

function escapeHtml(s) {
	return s
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

// Exactly our origin followed by a path: the slash stops look-alikes such as
// https://docs.example.com.evil.example/ or https://docs.example.com@evil.example/.
function isDocsImage(url) {
	return url.startsWith(`${DOCS_ORIGIN}/`) && !/[\\\s]/.test(url);
}

function isWebLink(url) {
	return /^https?:\/\/[^\s\\]/i.test(url);
}

function renderAnswer(markdown) {
	let text = escapeHtml(String(markdown));

	const refs = {};
	text = text.replace(/^[ \t]*\[([^\]]+)\]:[ \t]*(\S+)[ \t]*$/gm, (_, name, url) => {
		refs[name.toLowerCase()] = url;
		return '';
	});
	text = text.replace(/!\[([^\]]*)\]\[([^\]]*)\]/g, (_, alt, name) => {
		const url = refs[(name || alt).toLowerCase()] || '';
		return `![${alt}](${url})`;
	});

	text = text.replace(/!\[([^\]]*)\]\(([^)\s]*)\)/g, (_, alt, url) =>
		isDocsImage(url) ? `<img src="${url}" alt="${alt}">` : `[image not shown: ${alt}]`,
	);
	text = text.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label, url) =>
		isWebLink(url) ? `<a href="${url}" rel="noopener noreferrer">${label}</a>` : label,
	);

	text = text.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
	return text
		.split(/\n{2,}/)
		.map((p) => p.trim())
		.filter((p) => p !== '')
		.map((p) => `<p>${p}</p>`)
		.join('\n');
}
