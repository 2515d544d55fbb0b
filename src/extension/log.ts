// The "Keyhole" output channel, also keeping its last lines in memory (the integration tests read them).
import * as vscode from 'vscode';

const KEPT_LINES = 200;

export interface KeyholeLog {
  channel: vscode.LogOutputChannel;
  recent(): string[];
}

export function createLog(): KeyholeLog {
  const channel = vscode.window.createOutputChannel('Keyhole', { log: true });
  const lines: string[] = [];
  for (const level of ['trace', 'debug', 'info', 'warn', 'error'] as const) {
    const write = channel[level].bind(channel) as (message: string | Error, ...args: unknown[]) => void;
    (channel as unknown as Record<string, unknown>)[level] = (message: string | Error, ...args: unknown[]) => {
      lines.push(`[${level}] ${message instanceof Error ? message.message : message}`);
      if (lines.length > KEPT_LINES) lines.splice(0, lines.length - KEPT_LINES);
      write(message, ...args);
    };
  }
  return { channel, recent: () => [...lines] };
}
