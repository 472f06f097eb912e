/**
 * What the built main process gets for `import ... from 'electron'` under test (see electron-hooks.mjs): the
 * FakeElectron the test registered for this load (`?run=N`).
 */
const run = new URL(import.meta.url).searchParams.get('run');
const fake = globalThis.__hamishElectronStandIns?.get(run);
if (!fake)
  throw new Error(`No Electron stand-in registered for run ${run} (load the main process with loadMain()).`);

export const {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} = fake;
export default fake;
