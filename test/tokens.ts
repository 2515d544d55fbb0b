// Synthetic tokens with valid structure, built with Node's own CRC32 (an oracle independent of the validators).
import { crc32 } from 'node:zlib';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function base62(n: number, width: number): string {
  let out = '';
  do {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  } while (n > 0);
  return out.padStart(width, '0');
}

/** A GitHub-style token (ghp_, gho_, npm_ ...) whose 30-character body carries a valid CRC32 checksum. */
export function githubToken(body30: string, prefix = 'ghp_'): string {
  if (body30.length !== 30) throw new Error('body must be 30 characters');
  return `${prefix}${body30}${base62(crc32(body30), 6)}`;
}
