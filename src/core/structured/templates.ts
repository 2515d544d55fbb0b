/**
 * Blanks template syntax (`{{ ... }}`, Helm and Go templates) without moving any offset, so that
 * a templated YAML manifest still parses: a line holding only template actions becomes spaces,
 * an inline action becomes underscores (a plain scalar).
 */
export function blankTemplates(text: string): string {
  if (!text.includes('{{')) return text;
  return text.replace(/\{\{[^\n]*?\}\}/g, (m, offset: number) => {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const lineEnd = text.indexOf('\n', offset);
    const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
    const onlyActions = line.replace(/\{\{[^\n]*?\}\}/g, '').trim() === '';
    return onlyActions ? ' '.repeat(m.length) : '_'.repeat(m.length);
  });
}
