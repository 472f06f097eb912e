/**
 * A Node module-resolution hook: `import ... from 'electron'` in the built main process resolves to the
 * recording stand-in instead of Electron's npm package (which only holds the path of a binary that cannot be
 * downloaded here). The importer's query string (`?run=N`) is passed on, so every load of the main process
 * gets the stand-in the test made for it.
 */
const standIn = new URL('./electron-stand-in.mjs', import.meta.url);

export async function resolve(specifier, context, nextResolve) {
  if (specifier !== 'electron') return nextResolve(specifier, context);
  const url = new URL(standIn);
  url.search = context.parentURL ? new URL(context.parentURL).search : '';
  return { url: url.href, shortCircuit: true };
}
