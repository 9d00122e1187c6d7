// The assistant's answer arrives as Markdown; this turns it into HTML for the chat window.
// Images from our documentation site must keep working.
const DOCS_ORIGIN = 'https://docs.example.com';

function renderAnswer(markdown) {
	let text = markdown;

	// Reference-style definitions: "[name]: url" on a line of its own.
	const refs = {};
	text = text.replace(/^[ \t]*\[([^\]]+)\]:[ \t]*(\S+)[ \t]*$/gm, (_, name, url) => {
		refs[name.toLowerCase()] = url;
		return '';
	});
	// ![alt][name] becomes ![alt](url)
	text = text.replace(/!\[([^\]]*)\]\[([^\]]*)\]/g, (_, alt, name) => {
		const url = refs[(name || alt).toLowerCase()] || '';
		return `![${alt}](${url})`;
	});

	// Images and links.
	text = text.replace(/!\[([^\]]*)\]\(([^)\s]*)\)/g, (_, alt, url) => `<img src="${url}" alt="${alt}">`);
	text = text.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label, url) => `<a href="${url}">${label}</a>`);

	// Bold, then paragraphs.
	text = text.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
	return text
		.split(/\n{2,}/)
		.map((p) => p.trim())
		.filter((p) => p !== '')
		.map((p) => `<p>${p}</p>`)
		.join('\n');
}
