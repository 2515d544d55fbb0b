// `node:util`'s `format` for the web worker bundle: mocha's reporters print with `%s` / `%d` placeholders.
export function format(...args: unknown[]): string {
  const [first, ...rest] = args;
  if (typeof first !== 'string') return args.map(String).join(' ');
  const text = first.replace(/%[sdifjoO%]/g, (spec) => (spec === '%%' ? '%' : rest.length ? String(rest.shift()) : spec));
  return [text, ...rest.map(String)].join(' ');
}
