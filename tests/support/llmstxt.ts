/**
 * An llms.txt file read by the structure llmstxt.org defines, strictly: an H1; a `>` summary;
 * optional paragraphs and lists with no headings; then H2 sections, each nothing but a list of
 * `- [name](url)` links, each optionally followed by `: notes`. Any other line is a problem.
 */
export interface LlmsLink {
	name: string;
	url: string;
	notes?: string;
}

export interface LlmsTxt {
	title: string;
	summary: string;
	/** The text between the summary and the first section. */
	info: string;
	sections: { name: string; links: LlmsLink[] }[];
}

const LINK = /^- \[([^\]]+)\]\((\S+)\)(?:: (.+))?$/;

/** Reads an llms.txt; throws an error naming the first line that breaks the structure. */
export function parseLlmsTxt(text: string): LlmsTxt {
	const lines = text.replace(/\n$/, '').split('\n');
	const fail = (at: number, why: string) =>
		new Error(`llms.txt line ${at + 1}: ${why}: ${JSON.stringify(lines[at])}`);
	const title = /^# (.+)$/.exec(lines[0] ?? '')?.[1];
	if (!title) throw fail(0, 'the first line must be the H1');
	if (lines[1] !== '') throw fail(1, 'a blank line must follow the H1');
	const summary = /^> (.+)$/.exec(lines[2] ?? '')?.[1];
	if (!summary) throw fail(2, 'the summary blockquote must follow the H1');
	let at = 3;
	const info: string[] = [];
	for (; at < lines.length && !lines[at]!.startsWith('## '); at++) {
		if (/^#/.test(lines[at]!)) throw fail(at, 'no heading may come before the first H2 section');
		info.push(lines[at]!);
	}
	const sections: LlmsTxt['sections'] = [];
	for (; at < lines.length; at++) {
		const line = lines[at]!;
		const heading = /^## (.+)$/.exec(line)?.[1];
		if (heading) {
			sections.push({ name: heading, links: [] });
			continue;
		}
		if (line === '') continue;
		const link = LINK.exec(line);
		if (!link) throw fail(at, 'a section holds only `- [name](url): notes` lines');
		sections
			.at(-1)!
			.links.push({ name: link[1]!, url: link[2]!, ...(link[3] ? { notes: link[3] } : {}) });
	}
	for (const s of sections)
		if (s.links.length === 0) throw new Error(`llms.txt section "${s.name}" has no links`);
	const optional = sections.findIndex((s) => s.name === 'Optional');
	if (optional !== -1 && optional !== sections.length - 1)
		throw new Error('llms.txt: "## Optional" must be the last section');
	return { title, summary, info: info.join('\n').trim(), sections };
}
