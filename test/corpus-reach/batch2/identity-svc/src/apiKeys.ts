import jwt from 'jsonwebtoken';
import { SignJWT } from 'jose';

const secret = new TextEncoder().encode(process.env.PARTNER_JWT_SECRET);

export async function partnerApiToken(partnerId: string): Promise<string> {
  return new SignJWT({ sub: partnerId, scope: 'catalogue:read' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(secret);
}

export function webhookSigningToken(partnerId: string): string {
  return jwt.sign({ sub: partnerId, purpose: 'webhook' }, process.env.WEBHOOK_JWT_KEY!, {
    expiresIn: 60 * 60 * 24 * 365,
    //         ^ lifecycle
  });
}

export function passwordResetToken(userId: string): string {
  return jwt.sign({ sub: userId, purpose: 'reset' }, process.env.RESET_JWT_KEY!, { expiresIn: '30m' });
}
