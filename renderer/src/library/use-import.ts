import { useCallback, useState } from 'react';
import type { ImportOutcome } from '../../../shared/contract';
import { call } from '../api';

export type ImportProgress = { done: number; total: number } | null;

/** A dropped file's content as base64, read in the page: main never receives a path from it. */
async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/**
 * Imports dropped files one at a time, so the library can show progress and a bad file costs only itself.
 * Files over the 50 MB import limit are refused by main with the same message as any other.
 */
export function useImport(onDone: (outcomes: ImportOutcome[]) => void) {
  const [progress, setProgress] = useState<ImportProgress>(null);

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      const outcomes: ImportOutcome[] = [];
      setProgress({ done: 0, total: files.length });
      for (const [index, file] of files.entries()) {
        const result = await call('importData', { name: file.name, base64: await toBase64(file) });
        outcomes.push(
          result.ok
            ? result.value
            : { ok: false, file: file.name, code: result.error.code, message: result.error.message },
        );
        setProgress({ done: index + 1, total: files.length });
      }
      setProgress(null);
      onDone(outcomes);
    },
    [onDone],
  );

  const importFromDialog = useCallback(async () => {
    const result = await call('importFromDialog', {});
    if (result.ok) onDone(result.value);
  }, [onDone]);

  return { progress, importFiles, importFromDialog };
}
