import { Download, History, Pencil, Trash2, Upload } from 'lucide-react';
import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react';
import type { ArticleSummary, ImportOutcome, SaveOutcome } from '../../../shared/contract';
import { call } from '../api';
import { useErrorMessage } from '../ErrorNotice';
import { useT } from '../i18n/I18nProvider';
import { ExportMenu } from '../notes/ExportMenu';
import { arrange, type LibrarySort } from './arrange';
import { LibraryTools } from './LibraryTools';
import { LibraryView } from './LibraryView';
import { useImport } from './use-import';
import { SaveLinkField } from './SaveLinkField';
import { useSaveLink } from './use-save-link';
import { linkOfDrop, takeHandedOverLink } from './dropped-link';

type Props = {
  articles: ArticleSummary[];
  onOpen: (id: string) => void;
  onChanged: () => void;
  onTrash: () => void;
  onBackups: () => void;
};

/**
 * The library with its tools: search titles, sort, filter by tag, import (dialog or drop), rename, trash,
 * export everything, restore from an export. Importing the same content twice opens the article already there.
 */
export function LibraryPage({ articles, onOpen, onChanged, onTrash, onBackups }: Props) {
  const t = useT();
  const message = useErrorMessage();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<LibrarySort>('date');
  const [tag, setTag] = useState('');
  const [notices, setNotices] = useState<string[]>([]);
  const [renaming, setRenaming] = useState<{ id: string; title: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const collator = useMemo(() => new Intl.Collator(t.language), [t.language]);
  const tags = useMemo(
    () => [...new Set(articles.flatMap((a) => a.tags))].sort(collator.compare),
    [articles, collator],
  );
  const shown = arrange(articles, { query, tag, sort, collator });

  const onImported = useCallback(
    (outcomes: ImportOutcome[]) => {
      setNotices(
        outcomes.map((o) =>
          o.ok
            ? t(o.duplicate ? 'library.duplicate' : 'library.imported', { title: o.title })
            : t('library.importFailed', {
                file: o.file,
                message: message({ code: o.code, message: o.message, file: o.file }),
              }),
        ),
      );
      onChanged();
      // One file that was already there: open it, as the user asked for that article.
      const [only] = outcomes;
      if (outcomes.length === 1 && only?.ok && only.duplicate) onOpen(only.id);
    },
    [t, message, onChanged, onOpen],
  );
  const { progress, importFiles, importFromDialog } = useImport(onImported);

  const onSaved = useCallback(
    (outcomes: SaveOutcome[]) => {
      setNotices(
        outcomes.map((o) =>
          o.ok
            ? t(o.duplicate ? 'library.duplicate' : 'web.saved', { title: o.title })
            : t('web.failed', {
                file: o.file,
                message: message({ code: o.code, message: o.message, file: o.file }),
              }),
        ),
      );
      onChanged();
      // A link saved (or found already kept) opens in the reader, as the person asked for that page.
      const [only] = outcomes;
      if (outcomes.length === 1 && only?.ok) onOpen(only.id);
    },
    [t, message, onChanged, onOpen],
  );
  const links = useSaveLink(onSaved);
  const { refreshPending, save } = links;
  useEffect(() => void refreshPending(), [refreshPending]);
  // A link dropped on the reader was handed over here to be saved.
  useEffect(() => {
    const link = takeHandedOverLink();
    if (link) void save(link);
  }, [save]);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) return void importFiles(files);
    // A link dragged from a browser.
    const link = linkOfDrop(event.dataTransfer);
    if (link && links.saving === null) void links.save(link);
  };

  const rename = async () => {
    if (!renaming) return;
    const result = await call('renameArticle', { id: renaming.id, title: renaming.title });
    if (result.ok) {
      setRenaming(null);
      onChanged();
    } else setNotices([message(result.error)]);
  };

  return (
    <div
      className={`library-page${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      {dragging && <div className="drop-hint">{t('web.dropHint')}</div>}
      <LibraryView
        articles={shown}
        onOpen={onOpen}
        empty={articles.length > 0 ? t('library.noMatch') : undefined}
        tools={
          <>
            <SaveLinkField
              saving={links.saving}
              pending={links.pending}
              onSave={(url) => void links.save(url)}
              onCancel={links.cancel}
              onRetry={() => void links.retry()}
            />
            <LibraryTools
              query={query}
              onQuery={setQuery}
              sort={sort}
              onSort={setSort}
              tag={tag}
              tags={tags}
              onTag={setTag}
              onImport={() => void importFromDialog()}
              onShowTrash={onTrash}
              progress={progress}
            />
            <div className="library-tools">
              <ExportMenu label={t('export.all')} icon={<Download aria-hidden="true" size={16} />} />
              <button
                type="button"
                className="icon-button"
                onClick={() =>
                  void call('restoreFromDialog', {}).then((result) => {
                    if (!result.ok) return setNotices([message(result.error)]);
                    if (result.value === null) return;
                    const { added, identical, conflicts } = result.value;
                    setNotices([t('restore.done', { added, identical, conflicts: conflicts.length })]);
                    onChanged();
                  })
                }
              >
                <Upload aria-hidden="true" size={16} />
                {t('restore.button')}
              </button>
              <button type="button" className="icon-button" onClick={onBackups}>
                <History aria-hidden="true" size={16} />
                {t('library.backups')}
              </button>
            </div>
            {notices.length > 0 && (
              <ul className="library-notices" role="status">
                {notices.map((notice, index) => (
                  <li key={index} dir="auto">
                    {notice}
                  </li>
                ))}
              </ul>
            )}
          </>
        }
        actions={(article) =>
          renaming?.id === article.id ? (
            <form
              className="rename-form"
              onSubmit={(event) => {
                event.preventDefault();
                void rename();
              }}
            >
              <input
                value={renaming.title}
                dir="auto"
                aria-label={t('library.renameLabel', { title: article.title })}
                onChange={(event) => setRenaming({ id: article.id, title: event.target.value })}
                onKeyDown={(event) => event.key === 'Escape' && setRenaming(null)}
              />
              <button type="submit" className="primary small">
                {t('library.save')}
              </button>
              <button type="button" className="icon-button small" onClick={() => setRenaming(null)}>
                {t('library.cancel')}
              </button>
            </form>
          ) : (
            <span className="library-item-actions">
              <button
                type="button"
                className="icon-only"
                aria-label={`${t('library.rename')}: ${article.title}`}
                title={t('library.rename')}
                onClick={() => setRenaming({ id: article.id, title: article.title })}
              >
                <Pencil aria-hidden="true" size={15} />
              </button>
              <ExportMenu
                compact
                articleIds={[article.id]}
                label={`${t('export.button')} ${article.title}`}
              />
              <button
                type="button"
                className="icon-only"
                aria-label={`${t('library.delete')}: ${article.title}`}
                title={t('library.delete')}
                onClick={() => void call('trashArticle', { id: article.id }).then(onChanged)}
              >
                <Trash2 aria-hidden="true" size={15} />
              </button>
            </span>
          )
        }
      />
    </div>
  );
}
