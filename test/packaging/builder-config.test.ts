import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const config = yaml.load(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
>;
const schema = JSON.parse(
  readFileSync(path.join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
) as object;

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('builds an AppImage and a deb for Linux, NSIS for Windows and a dmg for macOS', () => {
    expect(config.productName).toBe('Hamish');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((config.win as { target: string }).target).toBe('nsis');
    expect((config.mac as { target: string }).target).toBe('dmg');
  });

  it('takes its icon from assets/ and the icon exists', () => {
    for (const platform of ['linux', 'win', 'mac']) {
      const icon = (config[platform] as { icon: string }).icon;
      expect(icon.startsWith('assets/')).toBe(true);
      expect(() => readFileSync(path.join(ROOT, icon))).not.toThrow();
    }
  });

  it('turns the dangerous Electron fuses off and asar integrity on', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});
