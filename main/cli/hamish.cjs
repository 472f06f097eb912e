#!/usr/bin/env node
// The `hamish` command. It runs the built CLI (out/main/cli.js), which `npm install` builds through
// the `prepare` script; the source is main/cli/*.ts.
const { existsSync } = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const built = path.join(__dirname, '..', '..', 'out', 'main', 'cli.js');
if (!existsSync(built)) {
  process.stderr.write('hamish: the CLI is not built yet; run `npm run build` in the Hamish folder.\n');
  process.exit(1);
}
import(pathToFileURL(built).href).catch((error) => {
  process.stderr.write(`hamish: ${error && error.message ? error.message : error}\n`);
  process.exit(1);
});
