// `node:assert/strict` for the web worker bundle: the few assertions the shared helpers and the web suite use.
function fail(message = 'assertion failed'): never {
  throw new Error(message);
}

function ok(value: unknown, message?: string): asserts value {
  if (!value) fail(message ?? `expected a truthy value, got ${String(value)}`);
}

function equal<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message ?? `expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

function match(text: string, pattern: RegExp, message?: string): void {
  if (!pattern.test(text)) fail(message ?? `expected ${JSON.stringify(text)} to match ${pattern}`);
}

function doesNotMatch(text: string, pattern: RegExp, message?: string): void {
  if (pattern.test(text)) fail(message ?? `expected ${JSON.stringify(text)} not to match ${pattern}`);
}

export default Object.assign(ok, { ok, equal, match, doesNotMatch, fail });
