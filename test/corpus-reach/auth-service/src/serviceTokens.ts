import { SignJWT } from 'jose';
import jwt from 'jsonwebtoken';

const key = new TextEncoder().encode(process.env.INTERNAL_JWT_KEY);

export async function internalCallToken(audience: string): Promise<string> {
  return new SignJWT({ scope: 'orders:read' })
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key);
}

export function emailVerificationToken(email: string): string {
  return jwt.sign({ email, purpose: 'verify-email' }, process.env.EMAIL_TOKEN_KEY!, { expiresIn: '1h' });
}
