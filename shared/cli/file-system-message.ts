/**
 * A file-system refusal the commands did not expect (a folder that cannot be read, a template folder that cannot
 * be made) in Swedish, naming the path, instead of a stack trace.
 * @module
 */
export function fileSystemMessage(error: unknown): string | null {
  if (!(error instanceof Error) || !('code' in error) || !('syscall' in error)) return null;
  const { code, path } = error as NodeJS.ErrnoException;
  const at = path ? ` ${path}` : '';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `behörighet saknas för${at}`;
    case 'EROFS':
      return `${at.trim() || 'filen'} ligger på en disk som inte går att skriva på`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `disken är full${at ? ` (${at.trim()})` : ''}`;
    case 'ENOENT':
      return `${at.trim() || 'filen'} finns inte`;
    case 'ENOTDIR':
      return `${at.trim() || 'sökvägen'} går igenom en fil där en mapp behövs`;
    case 'ENAMETOOLONG':
      return `namnet är för långt för filsystemet:${at}`;
    default:
      return `filsystemet svarade ${String(code)}${at ? ` för${at}` : ''}`;
  }
}
