import type { TocEntry } from '../../../shared/article-model';

type Props = {
  toc: readonly TocEntry[];
  lang: string;
  /** The block of the entry being read. */
  current: number | null;
  goTo: (index: number) => void;
};

/** A book's own table of contents, nested as the book nests it; the entry being read is marked. */
export function BookContents({ toc, lang, current, goTo }: Props) {
  return (
    <ol className="toc-list toc-book">
      {toc.map((entry, position) => (
        <li key={`${position}:${entry.block}`}>
          <button
            type="button"
            className="toc-link"
            aria-current={entry.block === current ? 'location' : undefined}
            onClick={() => goTo(entry.block)}
          >
            <span lang={lang} dir="auto">
              {entry.title}
            </span>
          </button>
          {entry.children && entry.children.length > 0 && (
            <BookContents toc={entry.children} lang={lang} current={current} goTo={goTo} />
          )}
        </li>
      ))}
    </ol>
  );
}
