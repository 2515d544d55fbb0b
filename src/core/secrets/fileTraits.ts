// What a file's path says about the values in it: an example or template to copy (`.env.example`),
// a test (`auth.spec.ts`, `tests/`), a translation (`locales/de.json`). Generic detection asks
// more of a value in such files, since their values are made up, or words.
import { baseName } from '../lang/languages';

export interface FileTraits {
  /** `.env.example`, `config.sample.yml`, `settings.ini.dist`: values there are meant to be replaced. */
  example: boolean;
  /** Test code and test data: values there are mostly fakes. */
  test: boolean;
  /** Translations: values there are words. */
  locale: boolean;
}

/** Name parts after the first that mark a copy-me file: `.env.example`, `app.config.template.json`. */
const EXAMPLE_PARTS = new Set(['example', 'examples', 'sample', 'samples', 'template', 'tmpl', 'tpl', 'dist']);
const EXAMPLE_STEM = /[-_](?:example|sample)$/;

const TEST_FOLDER = /(?:^|\/)(?:tests?|__tests__|specs?|fixtures?|__fixtures__|__mocks__|mocks|testdata|test[-_]data|testing|e2e|cypress|playwright)\//i;
const TEST_FILE = /(?:_test\.(?:go|py|rb|exs?|rs)|[._-](?:test|spec)\.[cm]?[jt]sx?|_spec\.rb|(?:Tests?|IT|Spec)\.(?:java|kt|kts|cs|scala|groovy|php|swift)|(?:^|\/)test_[^/]*\.py|(?:^|\/)conftest\.py)$/;

const LOCALE_FOLDER = /(?:^|\/)(?:locales?|i18n|l10n|lang|langs|languages|translations?|intl)\//i;
const LANGUAGE_CODES =
  'ar|bg|bn|ca|cs|cy|da|de|el|en|es|et|eu|fa|fi|fr|ga|gl|he|hi|hr|hu|hy|id|is|it|ja|ka|kk|ko|lt|lv|mk|ms|mt|nb|nl|nn|no|pl|pt|ro|ru|sk|sl|sq|sr|sv|sw|ta|th|tr|uk|ur|uz|vi|zh';
const LOCALE_FILE = new RegExp(
  String.raw`\.(?:po|pot|xlf|xliff|arb|resx|strings|ftl)$` +
    String.raw`|(?:^|\/)messages(?:_[a-z]{2,3}(?:_[A-Za-z]{2,4})?)?\.properties$` +
    String.raw`|(?:^|\/)values(?:-[\w+-]{1,20})?\/strings\.xml$` +
    String.raw`|(?:^|\/)(?:${LANGUAGE_CODES})(?:[-_][A-Za-z]{2,4})?\.(?:json|ya?ml|properties|toml)$`,
  'i',
);

const memo = new Map<string, FileTraits>();
const MEMO_LIMIT = 4096;

export function fileTraits(path: string): FileTraits {
  let traits = memo.get(path);
  if (!traits) {
    traits = { example: isExampleFile(path), test: TEST_FOLDER.test(path) || TEST_FILE.test(path), locale: LOCALE_FOLDER.test(path) || LOCALE_FILE.test(path) };
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(path, traits);
  }
  return traits;
}

function isExampleFile(path: string): boolean {
  const parts = baseName(path).toLowerCase().split('.');
  return parts.slice(1).some((p) => EXAMPLE_PARTS.has(p)) || EXAMPLE_STEM.test(parts[0]);
}
