// Syntax-tree helpers shared by the agent detectors of Python, JavaScript and TypeScript code.
import type { Node } from 'web-tree-sitter';

export const CODE_LANGUAGES = new Set(['python', 'javascript', 'typescript', 'tsx']);

/** The string literal a text offset falls in (its content node or the literal itself). */
export function stringAt(root: Node, offset: number): Node | undefined {
  let node: Node | null = root.descendantForIndex(offset);
  for (let depth = 0; node && depth < 3; depth++, node = node.parent) {
    if (/^(?:string|template_string)$/.test(node.type)) return node;
  }
  return undefined;
}

const WRAPPER = /^(?:str|String|path\.resolve|path\.normalize|os\.path\.abspath|os\.path\.realpath)\(\s*([\s\S]*?)\s*\)$/;
const TEMPLATE_ONLY = /^`\$\{\s*([\s\S]*?)\s*\}`$/;
const HOME_VARIABLE = String.raw`(['"])(?:HOME|USERPROFILE)\1`;
const HOME_EXPRESSION = new RegExp('^(?:' + [
  String.raw`(?:os\.path\.)?expanduser\(\s*(['"])~[\\/]?\1\s*\)`,
  String.raw`(?:pathlib\.)?Path\.home\(\)`,
  String.raw`(?:pathlib\.)?Path\(\s*(['"])~[\\/]?\2\s*\)\.expanduser\(\)`,
  String.raw`os\.(?:environ\.get|getenv)\(\s*${HOME_VARIABLE.replace('\\1', '\\3')}\s*\)`,
  String.raw`os\.environ\[\s*${HOME_VARIABLE.replace('\\1', '\\4')}\s*\]`,
  String.raw`(?:os\.)?homedir\(\)`,
  String.raw`process\.env\.(?:HOME|USERPROFILE)`,
  String.raw`process\.env\[\s*${HOME_VARIABLE.replace('\\1', '\\5')}\s*\]`,
].join('|') + ')$');

/**
 * True when a code expression is the home folder itself (`Path.home()`, `os.path.expanduser("~")`,
 * `os.homedir()`, `process.env.HOME`, wrapped in `str(...)` or a template), not a folder under it.
 */
export function isHomeExpression(source: string): boolean {
  let text = source.trim();
  for (let i = 0; i < 3; i++) {
    const inner = WRAPPER.exec(text) ?? TEMPLATE_ONLY.exec(text);
    if (!inner) break;
    text = inner[1];
  }
  return text.length < 200 && HOME_EXPRESSION.test(text);
}
