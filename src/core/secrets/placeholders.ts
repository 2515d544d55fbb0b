// Values that stand for a secret without being one: documentation examples, template references,
// redaction marks. Shared by the provider formats and the generic detectors.

const TEMPLATE_REFERENCE = [
  /\$\{\{[^}]*\}\}/, // GitHub Actions ${{ secrets.X }}
  /\$\{[A-Za-z_][\w.:-]*(?::?[-=?][^}]*)?\}/, // ${X}, ${X:-default}, ${input:x}, ${env:X}
  /\{\{[^}]*\}\}/, // {{ .Values.token }}, Jinja, Handlebars
  /\{%[^%]*%\}/, // Jinja statements
  /<%=?[^%]*%>/, // ERB
  /^\$[A-Za-z_]\w*$/, // $TOKEN
  /^%[A-Za-z_]\w*%$/, // %TOKEN% (Windows)
  /^#\{[^}]*\}$/, // Ruby interpolation
  /^@[A-Za-z_][\w.]*@$/, // @token@ (Maven filtering)
  /^\$\([^()]*\)$/, // $(TOKEN) (Make, shell, Azure Pipelines)
  /^\{[A-Za-z_][\w.]*\}$/, // {password} (Python format, C# interpolation)
  /^%(?:\([\w.]+\))?[sd]$/, // %s, %(password)s (printf style)
];

/** A value that only names what belongs there: `password`, `secret`, `my_token`. */
const NAME_AS_VALUE = /^(?:my|your|the|some)?[_-]?(?:password|passwd|pass|pwd|secret|token|api[_-]?key)$/i;

/** Values published in vendor documentation or bundled with emulators: public, so never a leak. */
const PUBLISHED_VALUES = new Set([
  // Azurite / Azure Storage Emulator account key.
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
  // jwt.io's default example token.
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
]);

/** Keys that providers publish by design or that only reach test-mode data: `pk_live_…`, `sk_test_…`, Mapbox `pk.eyJ…`. */
const PUBLIC_OR_TEST_KEY = /^(?:(?:pk_(?:live|test)|sk_test|rk_test|rzp_test|duffel_test|shippo_test)_|pk\.eyJ|sb_publishable_|EZTK|FLWSECK_TEST-|FLWPUBK)/;

const PLACEHOLDER_WORDS = /(?:^|[^a-z])(?:example|examplekey|sample|dummy|placeholder|changeme|change[_-]?me|replace[_-]?me|your[_-]?(?:own[_-]?)?(?:api[_-]?)?(?:key|token|secret|password|pass|pwd)|insert[_-]?(?:your|key|token|here)|put[_-]?your|enter[_-]?your|redacted|xxx+|todo|fixme|not[_-]?(?:a[_-]?)?real|fake|mock|foobar|lorem|ipsum)(?:[^a-z]|$)/i;

/** True for values such as `<YOUR_API_KEY>`, `${TOKEN}`, `xoxb-your-token`, `AKIAIOSFODNN7EXAMPLE`, `changeme`, `****`. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (/^<[^<>]+>$/.test(v) || /^\[[^\[\]]+\]$/.test(v) || /^\([^()]+\)$/.test(v)) return true;
  if (TEMPLATE_REFERENCE.some((re) => re.test(v))) return true;
  if (NAME_AS_VALUE.test(v) || PUBLISHED_VALUES.has(v) || PUBLIC_OR_TEST_KEY.test(v)) return true;
  if (/EXAMPLE/.test(v) || PLACEHOLDER_WORDS.test(v)) return true;
  if (/^(.)\1+$/.test(v)) return true; // ****, xxxx, 0000
  if (/(?:\.\.\.|…)$/.test(v)) return true; // elided in documentation: pypi-AgEI..., sk-…
  if (v.length >= 20 && hasAscendingRun(v, 8)) return true; // made up: xoxb-123456789012-…-AbCdEfGhIjKl
  if (/^[*•xX.\-_]{4,}/.test(v) || /[*•]{4,}/.test(v)) return true; // masked
  if (/(?:0123456789|123456789|abcdefgh|ABCDEFGH|qwerty)/i.test(v) && !/[^a-z0-9]/i.test(v) && v.length < 40) return true;
  return isInstruction(v);
}

/** Words that tell the reader what to put in a value's place. */
const INSTRUCTION_WORDS = new Set([
  'replace', 'change', 'set', 'generate', 'generated', 'insert', 'your', 'put', 'paste', 'fill', 'enter', 'here',
  'random', 'openssl', 'rand', 'run', 'use', 'add', 'update', 'provide', 'define', 'configure', 'create', 'goes',
]);

/**
 * An instruction written where the value goes: `replace-with-32-random-bytes`,
 * `generate-with-openssl-rand-hex-32`, `min-16-chars-random`: words and small numbers joined by
 * separators, one of the words telling the reader what to do.
 */
function isInstruction(value: string): boolean {
  const parts = value.split(/[-_.\s]+/);
  if (parts.length < 3 || parts.length > 16) return false;
  let words = 0;
  let instruction = false;
  for (const part of parts) {
    if (part === '' || /^\d{1,4}$/.test(part)) continue;
    if (!/^[a-z]+$/i.test(part)) return false;
    words++;
    instruction ||= INSTRUCTION_WORDS.has(part.toLowerCase());
  }
  return words >= 2 && instruction;
}

/** True when `length` consecutive letters or digits count up (`12345678`, `AbCdEfGh`); random tokens never do. */
function hasAscendingRun(value: string, length: number): boolean {
  const isAlphanumeric = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
  let run = 1;
  let previous = value.charCodeAt(0) | 0x20; // | 0x20 lower-cases ASCII letters and keeps digits
  for (let i = 1; i < value.length; i++) {
    const current = value.charCodeAt(i) | 0x20;
    run = current === previous + 1 && isAlphanumeric(previous) && isAlphanumeric(current) ? run + 1 : 1;
    if (run >= length) return true;
    previous = current;
  }
  return false;
}
