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
];

const PLACEHOLDER_WORDS = /(?:^|[^a-z])(?:example|examplekey|sample|dummy|placeholder|changeme|change[_-]?me|replace[_-]?me|your[_-]?(?:own[_-]?)?(?:api[_-]?)?(?:key|token|secret|password|pass|pwd)|insert[_-]?(?:your|key|token|here)|put[_-]?your|enter[_-]?your|redacted|xxx+|todo|fixme|not[_-]?(?:a[_-]?)?real|fake|mock|foobar|lorem|ipsum)(?:[^a-z]|$)/i;

/** True for values such as `<YOUR_API_KEY>`, `${TOKEN}`, `xoxb-your-token`, `AKIAIOSFODNN7EXAMPLE`, `changeme`, `****`. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (/^<[^<>]+>$/.test(v) || /^\[[^\[\]]+\]$/.test(v) || /^\([^()]+\)$/.test(v)) return true;
  if (TEMPLATE_REFERENCE.some((re) => re.test(v))) return true;
  if (/EXAMPLE/.test(v) || PLACEHOLDER_WORDS.test(v)) return true;
  if (/^(.)\1+$/.test(v)) return true; // ****, xxxx, 0000
  if (/^[*•xX.\-_]{4,}/.test(v) || /[*•]{4,}/.test(v)) return true; // masked
  if (/(?:0123456789|123456789|abcdefgh|ABCDEFGH|qwerty)/i.test(v) && !/[^a-z0-9]/i.test(v) && v.length < 40) return true;
  return false;
}
