import type { ArticleMeta, Store } from '../store';
import type { ChangeHook } from './changes';
import type { Settings } from './settings';
import type { ServiceOptions } from './service-options';

/**
 * What every method set of the service is built from (docs/ARCHITECTURE.md, "The service"): one object, made
 * once by createService and handed to each set, so no set reaches the store, the clock or the change hook any
 * other way. A set that needs something of another set (the resolved highlights, the import step) takes it as
 * a named extra beside these.
 */
export type ServiceDeps = {
  store: Store;
  options: ServiceOptions;
  now: () => Date;
  /** Told once a change to an article is saved; search re-indexes it at its next query. */
  changed: ChangeHook;
  /** The live article with this id, or a 'not-found' error. */
  requireArticle: (id: string) => ArticleMeta;
  /** Every article not in the trash. */
  liveArticles: () => ArticleMeta[];
  /** The settings as saved (invalid values read as their defaults). */
  settings: () => Settings;
};
