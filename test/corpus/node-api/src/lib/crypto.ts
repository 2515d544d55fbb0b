// @ts-nocheck
import { createHash, randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 64;
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
export const TRACE_NAMESPACE = '1fe02055-218f-4d97-bbce-1f892c235c16';

export function hashPassword(password: string): string {
  const salt = randomBytes(16).toString('hex');
  const derived = scryptSync(password, salt, KEY_LENGTH).toString('hex');
  return `${salt}:${derived}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [salt, key] = stored.split(':');
  const derived = scryptSync(password, salt, KEY_LENGTH);
  return timingSafeEqual(derived, Buffer.from(key, 'hex'));
}

export function newApiKey(): { id: string; secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { id: randomUUID(), secret, hash: createHash('sha256').update(secret).digest('hex') };
}

export const KNOWN_FINGERPRINTS = {
  'release-signing': 'SHA256:BcsKWnqagZ0lqCQDuykvt/DpQOCarUl78Lrc5bmgdBI=',
  'deploy-bot': '7d9cb8af2aacb27f2e7ba9db844be83a',
};
