import type { TreeLanguage } from '../core/lang/languages';

/** The grammar wasm file each tree language loads (copied into dist/grammars at build time). */
export const GRAMMAR_FILES: Record<TreeLanguage, string> = {
  javascript: 'tree-sitter-javascript.wasm',
  typescript: 'tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-tsx.wasm',
  python: 'tree-sitter-python.wasm',
  go: 'tree-sitter-go.wasm',
  java: 'tree-sitter-java.wasm',
  csharp: 'tree-sitter-c_sharp.wasm',
  ruby: 'tree-sitter-ruby.wasm',
  php: 'tree-sitter-php.wasm',
  rust: 'tree-sitter-rust.wasm',
  bash: 'tree-sitter-bash.wasm',
  json: 'tree-sitter-json.wasm',
  yaml: 'tree-sitter-yaml.wasm',
  hcl: 'tree-sitter-terraform.wasm',
  toml: 'tree-sitter-toml.wasm',
  ini: 'tree-sitter-ini.wasm',
  properties: 'tree-sitter-properties.wasm',
  kotlin: 'tree-sitter-kotlin.wasm',
};

export const RUNTIME_WASM = 'web-tree-sitter.wasm';
