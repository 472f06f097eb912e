import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';

/**
 * The file dialogs the service asks for. File paths come from these dialogs in main, never from the page.
 */
export function fileDialogs(window: () => BrowserWindow | null) {
  return {
    chooseFile: async (purpose: 'update-article' | 'restore'): Promise<string | null> => {
      const filters =
        purpose === 'restore'
          ? [{ name: 'Hamish export (JSON)', extensions: ['json'] }]
          : [{ name: 'Articles', extensions: ['txt', 'md', 'html', 'htm', 'epub'] }];
      const options = { properties: ['openFile' as const], filters };
      const parent = window();
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseImportFiles: async (): Promise<string[]> => {
      const options = {
        properties: ['openFile' as const, 'multiSelections' as const],
        filters: [
          { name: 'Articles', extensions: ['txt', 'md', 'markdown', 'html', 'htm', 'mhtml', 'mht', 'epub'] },
        ],
      };
      const parent = window();
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    chooseSaveFile: async (defaultName: string): Promise<string | null> => {
      const options = { defaultPath: path.join(app.getPath('documents'), defaultName) };
      const parent = window();
      const result = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
