/**
 * The names of the contract's methods, without their schemas, so that the preload (which only
 * forwards calls) and the renderer can be built without bundling the validation library.
 */
export const METHODS = [
  'listArticles',
  'openArticle',
  'saveProgress',
  'getSettings',
  'setSettings',
  'createHighlight',
  'updateHighlight',
  'deleteHighlight',
  'restoreHighlight',
  'setArticleNote',
  'listTags',
  'updateArticleSource',
  'exportToFile',
  'restoreFromDialog',
  'storeStatus',
  'importFromDialog',
  'importData',
  'renameArticle',
  'trashArticle',
  'untrashArticle',
  'emptyTrash',
  'listTrash',
  'search',
  'findInArticle',
  'restoreBackup',
  'listAllHighlights',
  'reviewSet',
  'answerReview',
  'saveLink',
  'cancelSave',
  'setWebDetails',
  'updateFromWeb',
  'listPendingSaves',
  'retryPendingSaves',
  'syncSettings',
  'configureSync',
  'forgetSync',
  'syncNow',
  'syncStatus',
  'syncConflicts',
  'resolveSyncConflict',
] as const;

export type Method = (typeof METHODS)[number];

/** The IPC channel of a method: one per method, so an unknown channel has no handler at all. */
export function channelOf(method: Method): string {
  return `hamish:${method}`;
}
