import type { Inputs, Outputs } from './contract';
import { readSettings, type Settings, type WindowBounds } from './settings';
import type { ServiceDeps } from './service-deps';

export type SettingsMethods = {
  [M in 'getSettings' | 'setSettings']: (input: Inputs[M]) => Promise<Outputs[M]>;
} & {
  // Outside the contract: the window's size and place are the shell's, never the page's to read or set.
  windowBounds(): WindowBounds | null;
  saveWindowBounds(bounds: WindowBounds): Promise<void>;
};

/** The reader's settings, kept in library.json and always read through readSettings (invalid → default). */
export function settingsMethods({ store, options, settings }: ServiceDeps): SettingsMethods {
  return {
    async getSettings() {
      return readSettings(store.library().settings);
    },

    // Settings are read and changed inside the library's own update: computed from what is saved when the
    // write runs, so two changes made at once (a setting and the window's bounds) both land.
    async setSettings(patch) {
      let next: Settings = settings();
      const unchanged = new Error('no change');
      try {
        await store.updateLibrary((library) => {
          const { settings: current, reset } = readSettings(library.settings);
          next = { ...current, ...patch };
          // Nothing to change, nothing to write (a settings panel may send what is already saved); stored
          // settings with invalid values are written back valid, so the "settings were reset" notice is final.
          const changes = Object.entries(patch).filter(
            ([key, value]) => current[key as keyof Settings] !== value,
          );
          if (changes.length === 0 && reset.length === 0) throw unchanged; // leaves the file untouched
          library.settings = next;
        });
      } catch (error) {
        if (error === unchanged) return next;
        throw error;
      }
      options.onSettingsChanged?.(next);
      return next;
    },

    windowBounds() {
      return settings().window;
    },

    async saveWindowBounds(bounds) {
      await store.updateLibrary((library) => {
        library.settings = { ...readSettings(library.settings).settings, window: bounds };
      });
    },
  };
}
