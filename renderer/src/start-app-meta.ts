/** The meta tag in which the built page names the interface's chunk and its imports (electron.vite.config.ts). */
export const START_APP_META = 'hamish-start-app';
