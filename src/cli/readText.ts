import { promises as fs } from 'node:fs';
import { formatBytes, isProbablyBinary } from '../core/text';
import type { SkippedFile } from '../core/types';
import type { FileEntry } from './files';

/** Reads a file as text, or records why it is skipped (too large, binary, unreadable). */
export async function readText(entry: FileEntry, maxFileSize: number): Promise<{ text: string } | { skipped: SkippedFile }> {
  try {
    const stat = await fs.stat(entry.abs);
    if (stat.size > maxFileSize) {
      return { skipped: { path: entry.rel, reason: `larger than the ${formatBytes(maxFileSize)} limit (${formatBytes(stat.size)}); raise maxFileSize or --max-file-size to scan it` } };
    }
    const bytes = await fs.readFile(entry.abs);
    if (isProbablyBinary(bytes)) return { skipped: { path: entry.rel, reason: 'binary file' } };
    return { text: new TextDecoder('utf-8').decode(bytes) };
  } catch (err) {
    return { skipped: { path: entry.rel, reason: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` } };
  }
}
