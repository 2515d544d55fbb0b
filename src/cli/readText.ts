import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { formatBytes, isProbablyBinary } from '../core/text';
import type { SkippedFile } from '../core/types';
import type { FileEntry } from './files';

export type ReadOutcome = { text: string } | { skipped: SkippedFile };

const decoder = new TextDecoder('utf-8');
/** Reused between files: a scan reads thousands of them and most are small. */
let buffer = Buffer.allocUnsafe(64 * 1024);

/**
 * Reads a file as text, or records why it is skipped (too large, binary, unreadable).
 * Synchronous on purpose: it runs in a scan worker or a CLI loop that has nothing else to do, and
 * four plain system calls cost far less than the promise machinery of `fs/promises` per file.
 */
export function readText(entry: FileEntry, maxFileSize: number): ReadOutcome {
  let fd: number | undefined;
  try {
    fd = openSync(entry.abs, 'r');
    const size = fstatSync(fd).size;
    if (size > maxFileSize) {
      return { skipped: { path: entry.rel, reason: `larger than the ${formatBytes(maxFileSize)} limit (${formatBytes(size)}); raise maxFileSize or --max-file-size to scan it` } };
    }
    // One byte more than the size shows at once whether the file grew since fstat; then it is read to its end (or past the limit).
    if (buffer.length < size + 1) buffer = Buffer.allocUnsafe(size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxFileSize) break;
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxFileSize) {
      return { skipped: { path: entry.rel, reason: `larger than the ${formatBytes(maxFileSize)} limit; raise maxFileSize or --max-file-size to scan it` } };
    }
    const bytes = buffer.subarray(0, length);
    if (isProbablyBinary(bytes)) return { skipped: { path: entry.rel, reason: 'binary file' } };
    return { text: decoder.decode(bytes) };
  } catch (err) {
    return { skipped: { path: entry.rel, reason: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` } };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
