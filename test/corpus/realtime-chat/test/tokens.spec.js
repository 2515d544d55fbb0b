import { describe, expect, it } from 'vitest';
import jwt from 'jsonwebtoken';
import { signAccess } from '../src/auth/tokens.js';

const FAKE_SECRET = 'test-secret';
const EXPIRED_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ0ZXN0LXVzZXIiLCJleHAiOjE1MTYyMzkwMjJ9.placeholder-signature';

describe('tokens', () => {
  it('signs with a 15 minute expiry', () => {
    const t = signAccess({ id: 'u1', role: 'member' });
    const { exp, iat } = jwt.decode(t);
    expect(exp - iat).toBe(900);
  });

  it('rejects a token signed with another secret', () => {
    const forged = jwt.sign({ sub: 'u1' }, FAKE_SECRET);
    expect(() => jwt.verify(forged, 'a-different-test-secret')).toThrow();
  });

  it('rejects an expired token', () => {
    expect(() => jwt.verify(EXPIRED_TOKEN, FAKE_SECRET)).toThrow();
  });
});
