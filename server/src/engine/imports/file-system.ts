/**
 * What import resolution needs from the file system, given by the host (the engine does no I/O): the
 * CLI, the scan workers, the MCP server and the language server pass the bounded disk reader.
 */
export interface ImportFileSystem {
  /** A directory's files and folders by name (a symlink counts as what it leads to); null when it cannot be listed. */
  listDir(dir: string): { files: readonly string[]; dirs: readonly string[] } | null;
  /** A regular file's UTF-8 text, or undefined when it cannot be read within the host's bounds. */
  readText(file: string): string | undefined;
}

/** Until a host gives one: resolving an import then is a programming error, never a silent "not found". */
export const NO_FILE_SYSTEM: ImportFileSystem = {
  listDir() {
    throw new Error('Conductor: import resolution has no file system (the host must call setImportFileSystem)');
  },
  readText() {
    throw new Error('Conductor: import resolution has no file system (the host must call setImportFileSystem)');
  },
};
