// Which language a document is, from a VS Code language id or a file name.

/** Languages with a tree-sitter grammar. */
export type TreeLanguage =
  | 'javascript' | 'typescript' | 'tsx' | 'python' | 'go' | 'java' | 'csharp' | 'ruby' | 'php'
  | 'rust' | 'bash' | 'json' | 'yaml' | 'hcl' | 'toml' | 'ini' | 'properties' | 'kotlin';

/** Formats handled without a grammar: line-oriented, or split into embedded regions. */
export type TextLanguage = 'dotenv' | 'dockerfile' | 'markdown' | 'notebook' | 'text';

export type LanguageKey = TreeLanguage | TextLanguage;

export const TREE_LANGUAGES: readonly TreeLanguage[] = [
  'javascript', 'typescript', 'tsx', 'python', 'go', 'java', 'csharp', 'ruby', 'php',
  'rust', 'bash', 'json', 'yaml', 'hcl', 'toml', 'ini', 'properties', 'kotlin',
];

export function isTreeLanguage(key: LanguageKey): key is TreeLanguage {
  return (TREE_LANGUAGES as readonly string[]).includes(key);
}

const BY_LANGUAGE_ID: Record<string, LanguageKey> = {
  javascript: 'javascript', javascriptreact: 'tsx', typescript: 'typescript', typescriptreact: 'tsx',
  python: 'python', go: 'go', java: 'java', csharp: 'csharp', ruby: 'ruby', php: 'php', rust: 'rust',
  shellscript: 'bash', json: 'json', jsonc: 'json', jsonl: 'json', yaml: 'yaml', 'github-actions-workflow': 'yaml',
  dockercompose: 'yaml', terraform: 'hcl', hcl: 'hcl', toml: 'toml', ini: 'ini', properties: 'properties',
  'java-properties': 'properties', kotlin: 'kotlin', dotenv: 'dotenv', dockerfile: 'dockerfile',
  markdown: 'markdown', 'jupyter': 'notebook', plaintext: 'text',
};

const BY_EXTENSION: Record<string, LanguageKey> = {
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'tsx',
  ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'tsx',
  py: 'python', pyw: 'python', pyi: 'python', go: 'go', java: 'java', cs: 'csharp', csx: 'csharp',
  rb: 'ruby', rake: 'ruby', gemspec: 'ruby', php: 'php', rs: 'rust',
  sh: 'bash', bash: 'bash', zsh: 'bash', ksh: 'bash',
  json: 'json', jsonc: 'json', json5: 'json', code_workspace: 'json', tfstate: 'json',
  yaml: 'yaml', yml: 'yaml', tf: 'hcl', tfvars: 'hcl', hcl: 'hcl', nomad: 'hcl',
  toml: 'toml', ini: 'ini', cfg: 'ini', conf: 'ini', properties: 'properties',
  kt: 'kotlin', kts: 'kotlin', md: 'markdown', markdown: 'markdown', mdx: 'markdown', ipynb: 'notebook',
  env: 'dotenv',
};

const BY_FILE_NAME: Record<string, LanguageKey> = {
  dockerfile: 'dockerfile', containerfile: 'dockerfile', '.bashrc': 'bash', '.zshrc': 'bash',
  '.profile': 'bash', '.bash_profile': 'bash', '.pypirc': 'ini', '.gitconfig': 'ini', '.npmrc': 'dotenv',
  '.yarnrc': 'dotenv', '.netrc': 'text', gemfile: 'ruby', rakefile: 'ruby', 'jenkinsfile': 'text',
  '.envrc': 'bash',
};

export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(i + 1);
}

/** Picks the language: the VS Code language id when it names a known language, else the file name. */
export function detectLanguage(path: string, languageId?: string): LanguageKey {
  const name = baseName(path).toLowerCase();
  if (name.startsWith('.env') || name.endsWith('.env')) return 'dotenv';
  if (languageId && BY_LANGUAGE_ID[languageId]) return BY_LANGUAGE_ID[languageId];
  if (BY_FILE_NAME[name]) return BY_FILE_NAME[name];
  if (name.startsWith('dockerfile') || name.endsWith('.dockerfile')) return 'dockerfile';
  const dot = name.lastIndexOf('.');
  if (dot > 0 || (dot === 0 && name.indexOf('.', 1) === -1)) {
    const ext = name.slice(dot + 1).replace('-', '_');
    if (BY_EXTENSION[ext]) return BY_EXTENSION[ext];
  }
  return 'text';
}

/** Markdown fence info strings to language keys. */
export function languageFromFenceInfo(info: string): LanguageKey | undefined {
  const word = info.trim().split(/[\s{,]/)[0].toLowerCase();
  const aliases: Record<string, LanguageKey> = {
    js: 'javascript', javascript: 'javascript', node: 'javascript', jsx: 'tsx', ts: 'typescript',
    typescript: 'typescript', tsx: 'tsx', py: 'python', python: 'python', python3: 'python', go: 'go',
    golang: 'go', java: 'java', cs: 'csharp', csharp: 'csharp', 'c#': 'csharp', rb: 'ruby', ruby: 'ruby',
    php: 'php', rs: 'rust', rust: 'rust', sh: 'bash', bash: 'bash', shell: 'bash', zsh: 'bash',
    console: 'bash', shellsession: 'bash', json: 'json', jsonc: 'json', json5: 'json', yaml: 'yaml', yml: 'yaml',
    hcl: 'hcl', terraform: 'hcl', tf: 'hcl', toml: 'toml', ini: 'ini', properties: 'properties',
    kotlin: 'kotlin', kt: 'kotlin', env: 'dotenv', dotenv: 'dotenv', dockerfile: 'dockerfile', docker: 'dockerfile',
  };
  return aliases[word];
}
