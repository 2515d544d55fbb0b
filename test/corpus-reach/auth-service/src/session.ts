import jwt from 'jsonwebtoken';

const signingKey = process.env.SESSION_SIGNING_KEY!;

export function issueSessionToken(userId: string): string {
  return jwt.sign({ sub: userId, typ: 'session' }, signingKey, { expiresIn: '15m' });
}

export function issueRefreshToken(userId: string): string {
  return jwt.sign({ sub: userId, typ: 'refresh' }, signingKey, { expiresIn: '7d' });
}

export function issueIntegrationToken(partnerId: string): string {
  return jwt.sign({ sub: partnerId, typ: 'integration' }, signingKey, { expiresIn: '3650d' });
  //                                                                               ^ lifecycle
}
