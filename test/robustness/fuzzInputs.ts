// Deterministic fuzz inputs: a seeded generator, random bytes, and byte-level mutations of fixtures.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomBytes(random: () => number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(random() * 256);
  return out;
}

const INSERTS = ['"', "'", '`', '{', '}', '[', ']', '(', ')', '<', '>', '\0', '\r\n', '\n', '\\', '${', '"""', '-----BEGIN ', ':', '=', '#', '//', '/*'];

/** One to four mutations: a byte flip, a truncation, a duplicated slice, or an inserted quote/bracket/NUL. */
export function mutate(random: () => number, input: Uint8Array): Uint8Array {
  let bytes = input;
  const pick = (n: number) => Math.floor(random() * Math.max(1, n));
  const count = 1 + pick(4);
  for (let i = 0; i < count; i++) {
    const at = pick(bytes.length + 1);
    switch (pick(4)) {
      case 0: {
        if (bytes.length === 0) break;
        bytes = bytes.slice();
        bytes[Math.min(at, bytes.length - 1)] ^= 1 << pick(8);
        break;
      }
      case 1:
        bytes = bytes.slice(0, at);
        break;
      case 2: {
        const end = Math.min(bytes.length, at + pick(400));
        bytes = concat(bytes.slice(0, end), bytes.slice(at, end), bytes.slice(end));
        break;
      }
      default: {
        const insert = new TextEncoder().encode(INSERTS[pick(INSERTS.length)].repeat(1 + pick(3)));
        bytes = concat(bytes.slice(0, at), insert, bytes.slice(at));
      }
    }
  }
  return bytes;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function fixtureFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) fixtureFiles(p, out);
    else out.push(p);
  }
  return out;
}

export function readBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(file));
}
