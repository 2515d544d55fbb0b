// Secrets in JSON: MCP client configurations get the reference their client resolves (VS Code
// `inputs` with `"password": true` and `${input:id}`, Cursor `${env:NAME}`, Claude Code `${NAME}`);
// .NET appsettings are overridden by `Section__Key` environment variables; Postman collections use
// `{{variables}}`.
import { findNodeAtOffset, getNodePath, modify, parseTree, type Node } from 'jsonc-parser';
import { baseName } from '../lang/languages';
import type { TextEdit } from '../types';
import { replace, rotateAdvice, storedAdvice, type Draft, type FixContext } from './draft';
import { envNameFor, isPasswordPart, toEnvName } from './names';

export type JsonFlavour = 'vscode-mcp' | 'cursor-mcp' | 'claude-code-mcp' | 'appsettings' | 'postman' | 'generic';

export function jsonFlavour(path: string): JsonFlavour {
  const p = path.toLowerCase();
  if (/(?:^|\/)\.vscode\/mcp\.json$/.test(p)) return 'vscode-mcp';
  if (/(?:^|\/)\.cursor\/mcp\.json$/.test(p)) return 'cursor-mcp';
  if (/(?:^|\/)\.mcp\.json$/.test(p)) return 'claude-code-mcp';
  if (/(?:^|\/)appsettings(?:\.[\w-]+)?\.json$/.test(p)) return 'appsettings';
  if (/\.postman_collection\.json$/.test(p)) return 'postman';
  return 'generic';
}

interface JsonString {
  node: Node;
  path: (string | number)[];
  whole: boolean;
  /** The decoded value of the secret. */
  value: string;
}

function stringAt(text: string, value: { start: number; end: number }, raw: string): JsonString | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (!root) return undefined;
  const node = findNodeAtOffset(root, value.start, false);
  if (!node || node.type !== 'string' || node.offset >= value.start || node.offset + node.length <= value.end) return undefined;
  const whole = node.offset + 1 === value.start && node.offset + node.length - 1 === value.end;
  let decoded = raw;
  try {
    decoded = JSON.parse(`"${raw}"`) as string;
  } catch {
    // A part cut in the middle of an escape: keep it as written.
  }
  return { node, path: getNodePath(node), whole, value: decoded };
}

/** The key or argument a JSON string is bound to, for naming: the nearest property name that says something. */
function boundOf(path: (string | number)[]): { bound?: string; parents: string[] } {
  const keys = path.filter((p): p is string => typeof p === 'string');
  return { bound: keys[keys.length - 1], parents: keys.slice(0, -1) };
}

export function jsonDraft(ctx: FixContext): Draft | undefined {
  const { text } = ctx.doc;
  const s = stringAt(text, ctx.value, ctx.raw);
  if (!s) return undefined;
  const flavour = jsonFlavour(ctx.doc.path);
  const { bound, parents } = boundOf(s.path);
  const lastKey = s.path[s.path.length - 1];
  const prefixText = text.slice(s.node.offset + 1, ctx.value.start);
  const passwordOfUrl = !s.whole && isPasswordPart(prefixText, text.slice(ctx.value.end, ctx.value.end + 2));
  const inArgs = typeof lastKey === 'number';
  // A server's argument or header is named after the server; an `env` entry keeps its own name.
  const server = s.path[0] === 'servers' || s.path[0] === 'mcpServers' || s.path[1] === 'servers' ? String(s.path[s.path.indexOf('servers') + 1 || s.path.indexOf('mcpServers') + 1]) : undefined;
  const envKey = typeof lastKey === 'string' && /^[A-Z][A-Z0-9_]*$/.test(lastKey) && s.whole ? lastKey : undefined;
  // `--api-key=…` in an argument list names the value after the flag; `{ "key": "X-Api-Key", "value": "…" }` after its key.
  const flag = inArgs ? /--?([A-Za-z][\w-]*)[=:]?$/.exec(prefixText)?.[1] : undefined;
  const sibling = lastKey === 'value' ? siblingName(s.node) : undefined;
  const preferred = envKey ?? envNameFor({
    ruleId: ctx.finding.ruleId,
    bound: passwordOfUrl ? server ?? bound : inArgs ? (flag ? `${server ? `${server}_` : ''}${flag}` : undefined) : sibling ?? bound,
    parents: inArgs ? [] : parents,
    passwordOfUrl,
  });
  const file = baseName(ctx.doc.path);

  switch (flavour) {
    case 'vscode-mcp': {
      const name = ctx.env.place(preferred, s.value);
      const id = name.toLowerCase().replace(/_/g, '-');
      const edits: TextEdit[] = [replace(ctx.value, `\${input:${id}}`), ...inputEdits(text, s.path, id, `${name}${server ? ` for the ${server} MCP server` : ''}`)];
      return {
        title: `Ask for ${name} with a VS Code input (\${input:${id}}, stored as a password) and move the value to ${ctx.envFile}`,
        description: `VS Code prompts for the input once and keeps it in its secret storage. ${storedAdvice(name, ctx.envFile)} ${rotateAdvice(ctx.finding)}`,
        preferred: true,
        edits,
      };
    }
    case 'cursor-mcp': case 'claude-code-mcp': {
      const name = ctx.env.place(preferred, s.value);
      const ref = flavour === 'cursor-mcp' ? `\${env:${name}}` : `\${${name}}`;
      const client = flavour === 'cursor-mcp' ? 'Cursor' : 'Claude Code';
      return {
        title: `Reference ${ref} in ${file} and move the value to ${ctx.envFile}`,
        description: `${client} expands ${ref} from its environment when it starts the server; export ${name} there. ${storedAdvice(name, ctx.envFile)} ${rotateAdvice(ctx.finding)}`,
        preferred: true,
        edits: [replace(ctx.value, ref)],
      };
    }
    case 'appsettings': {
      const keys = s.path.filter((p): p is string => typeof p === 'string');
      if (!s.whole && keys.length === 0) return undefined;
      const variable = keys.join('__');
      const whole = JSON.parse(text.slice(s.node.offset, s.node.offset + s.node.length)) as string;
      const name = ctx.env.placeRequired(variable, whole);
      return {
        title: `Empty ${keys.join(':')} in ${file}: .NET reads ${variable} from the environment (value moved to ${ctx.envFile})`,
        description: `.NET configuration lets the environment variable ${variable} override the setting; in Azure, prefer a Key Vault reference or a managed identity (DefaultAzureCredential) over any key. ${storedAdvice(name, ctx.envFile)} ${rotateAdvice(ctx.finding)}`,
        preferred: true,
        edits: [replace({ start: s.node.offset, end: s.node.offset + s.node.length }, '""')],
      };
    }
    case 'postman': {
      const name = ctx.env.place(toEnvName(preferred), s.value);
      return {
        title: `Reference the Postman variable {{${name}}} and move the value to ${ctx.envFile}`,
        description: `Define ${name} in a Postman environment that is not committed. ${storedAdvice(name, ctx.envFile)} ${rotateAdvice(ctx.finding)}`,
        preferred: true,
        edits: [replace(ctx.value, `{{${name}}}`)],
      };
    }
    case 'generic': {
      const name = ctx.env.place(preferred, s.value);
      return {
        title: `Reference \${${name}} in ${file} and move the value to ${ctx.envFile} (check that ${file}'s reader expands it)`,
        description: `Check that the program reading ${file} expands \${${name}} from the environment; otherwise give it the value another way. ${storedAdvice(name, ctx.envFile)} ${rotateAdvice(ctx.finding)}`,
        preferred: true,
        edits: [replace(ctx.value, `\${${name}}`)],
      };
    }
  }
}

/** The `key` or `name` next to a `value` property: Postman headers, `[{ "name": "X", "value": "…" }]` lists. */
function siblingName(valueNode: Node): string | undefined {
  const object = valueNode.parent?.parent;
  const named = object?.children?.find((p) => p.type === 'property' && (p.children?.[0]?.value === 'key' || p.children?.[0]?.value === 'name'));
  const v = named?.children?.[1]?.value;
  return typeof v === 'string' && v.length <= 60 ? v : undefined;
}

/** Adds a password input to `inputs` (in `mcp.json`, or under `mcp` in settings), unless one with this id exists. */
function inputEdits(text: string, valuePath: (string | number)[], id: string, description: string): TextEdit[] {
  const base = valuePath[0] === 'mcp' ? ['mcp', 'inputs'] : ['inputs'];
  const root = parseTree(text, [], { allowTrailingComma: true });
  const inputs = root && findNode(root, base);
  if (inputs?.children?.some((c) => c.children?.some((p) => p.children?.[0]?.value === 'id' && p.children?.[1]?.value === id))) return [];
  const tabs = /\n\t/.test(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const entry = { type: 'promptString', id, description, password: true };
  return modify(text, [...base, -1], entry, { isArrayInsertion: true, formattingOptions: { insertSpaces: !tabs, tabSize: tabs ? 1 : 2, eol } })
    .map((e) => ({ span: { start: e.offset, end: e.offset + e.length }, newText: e.content }));
}

function findNode(root: Node, path: string[]): Node | undefined {
  let node: Node | undefined = root;
  for (const key of path) {
    node = node?.children?.find((p) => p.type === 'property' && p.children?.[0]?.value === key)?.children?.[1];
  }
  return node;
}
