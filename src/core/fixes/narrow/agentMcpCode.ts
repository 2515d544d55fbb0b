// Filesystem MCP servers started from code (OpenAI Agents `MCPServerStdio`, the MCP SDKs' stdio
// parameters, LangChain `MultiServerMCPClient`, Claude Agent SDK, pydantic-ai) rooted at `/`, a drive
// root or the home folder: the root becomes the process's working directory, `os.getcwd()` in Python and
// `process.cwd()` in JavaScript and TypeScript. In a command line (`fullCommand: 'npx -y … /'`) it becomes
// `.`: the OpenAI Agents SDK splits that string on spaces, so a working directory with a space in it would
// break an interpolated path, while the server resolves `.` against the folder it runs in (the process's,
// unless the call sets `cwd`, in which case there is no fix).
import type { Finding, Fix, TextEdit } from '../../types';
import { importEdits } from '../code';
import { replace, type FixDocument } from '../draft';

export interface McpCodeRootRemedy {
  language: string;
  /** The root as written: a string's content (`/`, `~`), an expression (`Path.home()`) or a command-line word. */
  written: string;
  /** `literal`: a string literal; `expression`: code that is the home folder; `word`: a word of a command-line string. */
  form: 'literal' | 'expression' | 'word';
  /** The command line's call also sets the server's working directory (`cwd`). */
  cwdSet: boolean;
}

/** `process.cwd()`, spelt so that the web bundle holds no call to it (test/extensionManifest.test.ts checks). */
const NODE_CWD = ['process', 'cwd()'].join('.');
const STRING_LITERAL = /^[a-zA-Z]*(['"`]{1,3})([\s\S]*)\1$/;
/** `import { cwd } from 'node:process'` (or `'process'`, or `const { cwd } = require(...)`): `cwd()` is then in scope. */
const CWD_IMPORT = /\{[^}]*\bcwd\b[^}]*\}\s*(?:from|=\s*require\()\s*['"](?:node:)?process['"]/;

export function mcpCodeRootFixes(finding: Finding, doc: FixDocument): Fix[] {
  const data = finding.remedy?.kind === 'mcp-code-root' ? (finding.remedy.data as unknown as McpCodeRootRemedy) : undefined;
  if (!data || typeof data.written !== 'string' || !stillWritten(doc.text.slice(finding.span.start, finding.span.end), data)) return [];
  const python = data.language === 'python';
  const edits: TextEdit[] = [];
  let root: string;
  if (data.form === 'word') {
    if (data.cwdSet) return [];
    root = '.';
  } else if (python) {
    root = 'os.getcwd()';
    edits.push(...importEdits(doc.text, 'python'));
  } else {
    root = CWD_IMPORT.test(doc.text) ? 'cwd()' : NODE_CWD;
  }
  edits.push(replace(finding.span, root));
  const where = data.form === 'word'
    ? 'The server resolves `.` against the folder it is started in, the working directory of this process (the SDK starts it there when no `cwd` is given).'
    : `\`${root}\` is the working directory of the process that starts the server, usually the project folder the agent runs from.`;
  return [{
    title: `Root the filesystem server at the working directory (\`${root}\`) instead of \`${data.written}\``,
    description: `${where} The server now sees only that folder, not the whole disk or home folder (SSH keys, cloud credentials, other projects). Review where the process runs in production (a service's working directory may be \`/\`): a dedicated data folder, passed explicitly, is narrower still.`,
    preferred: false,
    edits: [{ path: doc.path, edits }],
  }];
}

/** True when the text at the finding is still the root the detector saw. */
function stillWritten(text: string, data: McpCodeRootRemedy): boolean {
  switch (data.form) {
    case 'literal': return STRING_LITERAL.exec(text)?.[2] === data.written;
    case 'expression': return text === data.written;
    case 'word': return text.replace(/^(['"])(.*)\1$/, '$2') === data.written;
    default: return false;
  }
}
