// What the trust-policy fixes (src/core/fixes/narrow/awsTrust.ts) need from a finding: the span of the
// `"*"` principal or of the federated provider (and of a wildcard subject), the statement's bounds, and
// whether the policy is JSON text inside another format.
import type { Remedy, Span } from '../../types';
import type { PolicyDocument, PolicyStatement } from './policy';

export const AWS_TRUST_REMEDY = 'aws-trust';

export interface AwsTrustRemedyData {
  embedded?: 'heredoc' | 'string';
  /** GitHub federation: the statement already tests `token.actions.githubusercontent.com:aud`. */
  audience?: boolean;
}

/**
 * Spans: `principal` (the `"*"` with its quotes) and `principalKey`, or `federated` (the provider) and
 * `wildcard` (a subject that admits everyone); `statementStart`/`statementEnd` as empty spans (they move
 * with edits around them).
 */
export function trustRemedy(doc: PolicyDocument, statement: PolicyStatement, spans: Record<string, Span>, extra: Omit<AwsTrustRemedyData, 'embedded'> = {}): Remedy {
  const at = (offset: number): Span => ({ start: offset, end: offset });
  const data: AwsTrustRemedyData = { ...(doc.embedded ? { embedded: doc.embedded } : {}), ...extra };
  return {
    kind: AWS_TRUST_REMEDY,
    spans: { ...spans, statementStart: at(statement.span.start), statementEnd: at(statement.span.end) },
    data: data as unknown as Record<string, unknown>,
  };
}
