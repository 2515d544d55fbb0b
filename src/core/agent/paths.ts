// Paths that give an agent the whole machine: the file-system root, a drive root, the home folder.

/** Packages and commands of filesystem MCP servers (`@modelcontextprotocol/server-filesystem`, `mcp-filesystem`, ...). */
export const FILESYSTEM_SERVER = /server-filesystem|mcp-filesystem|filesystem-mcp|mcp\/filesystem/i;

const HOME_REFERENCES = new Set(['~', '$home', '${home}', '${env:home}', '${userhome}', '%userprofile%', '%homepath%', '${env:userprofile}', '$env:userprofile']);
const USER_HOME = /^(?:\/(?:home|users)\/[^/\\]+|[a-z]:[\\/]+users[\\/]+[^/\\]+|\/root|\/var\/root)$/;

/** What a path opens up (`the file-system root`, `a drive root`, `the home folder`), or undefined when it is narrower. */
export function broadRoot(path: string): string | undefined {
  const p = path.trim().toLowerCase().replace(/(?<=.)[\\/]+\*{0,2}$/, '');
  if (p === '/' || p === '\\' || p === '//' || p === '/*' || p === '/**') return 'the file-system root';
  if (/^[a-z]:[\\/]*$/.test(p)) return 'a drive root';
  if (HOME_REFERENCES.has(p) || USER_HOME.test(p)) return 'the home folder';
  return undefined;
}
