/**
 * What every export formatter reads (docs/ARCHITECTURE.md, "Layers": export/ — one pure formatter per format).
 * The caller resolves each highlight in the current text of its article first, so the formatters
 * need neither the article text nor the anchoring code.
 */
import type { AnchorStatus, Color, Highlight } from '../../shared/annotation-model';
import type { ReviewState } from '../review/schedule';
import type { ArticleMeta } from '../store';
import type { ExportLanguage } from './labels';

/** A highlight with where it was found in the current text: start/end are -1 for an orphan. */
export type ExportHighlight = Highlight & { status: AnchorStatus; start: number; end: number };

/**
 * A picture of the article, where its figure's caption lies in the text (`start` = `end` when it has none).
 * `dataUri` is set for formats that carry pictures inside the file (HTML).
 */
export type ExportPicture = { start: number; end: number; alt: string; asset: string; dataUri?: string };

/** An entry of a book's contents: its title and where it starts in the text. */
export type ExportChapter = { title: string; start: number };

export type ExportArticle = {
  meta: ArticleMeta;
  highlights: ExportHighlight[];
  /** The article's pictures that its highlights touch (in or next to their caption). */
  pictures?: ExportPicture[];
  /** A book's contents, flattened, in reading order: its highlights are grouped under them. */
  chapters?: ExportChapter[];
};

export type ExportInput = {
  articles: ExportArticle[];
  /** ISO 8601; written into the export, so the same input always gives the same bytes. */
  exportedAt: string;
  appVersion: string;
  /** The reader's names for the colours (e.g. from the UI language); the colour key is used without one. */
  colorNames?: Partial<Record<Color, string>>;
  /**
   * The interface language the person reads the app in: Markdown and HTML labels and colour names are
   * written in it. Absent (the command line): bilingual labels and the colour keys. CSV and JSON keep
   * the column names and values other tools read, whatever the language.
   */
  language?: ExportLanguage;
  /** The daily review's state per highlight id (the JSON export carries it, so a restore can bring it back). */
  reviews?: Readonly<Record<string, ReviewState>>;
};
