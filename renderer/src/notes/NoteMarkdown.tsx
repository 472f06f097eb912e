import { fromMarkdown } from 'mdast-util-from-markdown';
import { useMemo } from 'react';
import { useT } from '../i18n/I18nProvider';
import { markdownElements, splitAtBudget } from './markdown-elements';

/**
 * A note written in Markdown, shown formatted and safely: the Markdown is parsed to a syntax tree and the
 * tree is turned into React elements (markdown-elements.tsx). No HTML string is produced or injected; raw
 * HTML shows as its literal text; images show their alt text and never load; only http(s) and mailto links
 * become links. A very long note is formatted up to MARKDOWN_BUDGET characters and plain after that.
 */
export function NoteMarkdown({ source }: { source: string }) {
  const t = useT();
  const { formatted, rest } = useMemo(() => {
    const { markdown, rest } = splitAtBudget(source);
    return { formatted: markdownElements(fromMarkdown(markdown)), rest };
  }, [source]);

  return (
    <div className="note-markdown" dir="auto">
      {formatted}
      {rest && (
        <>
          <p className="note-plain-hint" dir={t.dir}>
            {t('notes.plainRest')}
          </p>
          <p className="note-plain" dir="auto">
            {rest}
          </p>
        </>
      )}
    </div>
  );
}
