// The relative links of a Markdown page, as the link checks read them (test/doc-links.test.ts in
// the repository, test/package.test.ts in the installed package): code blocks and code spans are
// left out (a `[text](url)` there is an example, not a link), and so are links with a scheme.

/** A Markdown text without its fenced code blocks. */
export const withoutCode = (text: string): string => text.replace(/^```[\s\S]*?^```/gm, '');

/** The relative links of a Markdown text (`target#anchor` as written), outside code. */
export function relativeLinks(text: string): string[] {
  const prose = withoutCode(text).replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!).filter((link) => !/^[a-z][a-z+.-]*:/i.test(link));
}
