import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../shared/contract';
import { createTranslate, MESSAGES, type Language } from '../i18n';
import { I18nProvider } from '../i18n/I18nProvider';
import { ContinueReading } from '../library/ContinueReading';
import { CARDS_WITH_ACTIONS_FIRST } from '../library/first-render';
import { LibraryView } from '../library/LibraryView';
import { continueCard, drawLibrary, libraryCard, showLibrary } from './library-screen';
import { LIBRARY_SCREEN_KEYS, pickMessages } from './library-messages';

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
  window.location.hash = '';
});

const summary = (n: number, more: Partial<ArticleSummary> = {}): ArticleSummary => ({
  id: `id-${n}`,
  title: `مقالة رقم ${n}`,
  lang: 'ar',
  dir: 'rtl',
  firstLine: `السطر الأول من المقالة ${n}`,
  tags: [],
  highlights: n % 3,
  importedAt: new Date(Date.UTC(2026, 10, 1, 0, n)).toISOString(),
  progress: null,
  lastReadAt: null,
  ...more,
});

/** Every shape a card takes: a site, progress, many highlights, English, an empty first line. */
const SHAPES: ArticleSummary[] = [
  summary(1),
  summary(2, { site: 'الجزيرة نت', highlights: 11 }),
  summary(3, { progress: { offset: 400, fraction: 0.42 }, lastReadAt: '2026-11-29T10:00:00.000Z' }),
  summary(4, { lang: 'en', dir: 'ltr', title: 'An English essay', firstLine: 'It begins here.' }),
  summary(5, { firstLine: '', highlights: 1 }),
  summary(6, { title: 'عنوان <b>فيه</b> & علامات', site: 'example.org' }),
];

function reactList(articles: ArticleSummary[], language: Language): HTMLElement {
  const { container } = render(
    <I18nProvider t={createTranslate(language)}>
      <LibraryView articles={articles} onOpen={() => {}} />
    </I18nProvider>,
  );
  const list = container.querySelector('.library-list');
  if (!(list instanceof HTMLElement)) throw new Error('no list');
  return list;
}

/** `node` without its icons: the first screen keeps their places, and their drawings come with React. */
function withoutIcons<T extends Node>(node: T): T {
  const copy = node.cloneNode(true) as T;
  if (copy instanceof Element) copy.querySelectorAll('svg').forEach((svg) => svg.remove());
  return copy;
}

describe("the library's first screen drawn before React", () => {
  for (const language of ['ar', 'en'] as const) {
    it(`draws each card node for node as LibraryView does (${language})`, () => {
      const list = reactList(SHAPES, language);
      const t = createTranslate(language);
      expect(list.children).toHaveLength(SHAPES.length);
      SHAPES.forEach((article, index) => {
        const plain = libraryCard(article, t);
        const drawn = list.children[index] ?? null;
        // Equal nodes: elements, attributes and text nodes, not only the same markup.
        expect(plain.isEqualNode(drawn), `${plain.outerHTML}\n${drawn?.outerHTML}`).toBe(true);
      });
    });

    it(`draws a card whose title and first line are empty node for node as LibraryView does (${language})`, () => {
      const bare = summary(9, { title: '', firstLine: '' });
      const drawn = reactList([bare], language).children[0] ?? null;
      expect(libraryCard(bare, createTranslate(language)).isEqualNode(drawn)).toBe(true);
      const resume = { ...bare, lastReadAt: '2026-11-30T09:00:00.000Z' };
      const { container } = render(
        <I18nProvider t={createTranslate(language)}>
          <ContinueReading article={resume} onOpen={() => {}} />
        </I18nProvider>,
      );
      const react = container.querySelector('section.continue');
      if (!react) throw new Error('no continue section');
      expect(
        withoutIcons(continueCard(resume, createTranslate(language))).isEqualNode(withoutIcons(react)),
      ).toBe(true);
    });

    it(`draws "continue where you left off" node for node as React does, its icon aside (${language})`, () => {
      const article = SHAPES[2] ?? summary(0);
      const { container } = render(
        <I18nProvider t={createTranslate(language)}>
          <ContinueReading article={article} onOpen={() => {}} />
        </I18nProvider>,
      );
      const react = container.querySelector('section.continue');
      if (!react) throw new Error('no continue section');
      const plain = continueCard(article, createTranslate(language));
      expect(plain.querySelectorAll('svg')).toHaveLength(1);
      expect(
        withoutIcons(plain).isEqualNode(withoutIcons(react)),
        `${plain.outerHTML}\n${react?.outerHTML}`,
      ).toBe(true);
    });
  }

  it('shows the articles newest first, counted, with the article to continue above them', () => {
    const articles = Array.from({ length: 60 }, (_, n) => summary(n));
    articles[7] = summary(7, {
      lastReadAt: '2026-11-30T09:00:00.000Z',
      progress: { offset: 1, fraction: 0.1 },
    });
    const page = drawLibrary(articles, createTranslate('ar'));
    expect(page.querySelector('h1')?.textContent).toBe('المكتبة');
    expect(page.querySelector('.library-header p')?.textContent).toBe(
      createTranslate('ar').plural('library.count', 60),
    );
    const titles = [...page.querySelectorAll('.library-list .library-item-title')].map((t) => t.textContent);
    expect(titles[0]).toBe('مقالة رقم 59');
    expect(titles.at(-1)).toBe('مقالة رقم 0');
    expect(page.querySelector('.continue .library-item-title')?.textContent).toBe('مقالة رقم 7');
    // The first cards keep their actions' room, as React's first render gives them their buttons.
    const cards = [...page.querySelectorAll('.library-list > li')];
    expect(cards.filter((card) => card.querySelector('.library-item-actions'))).toHaveLength(
      CARDS_WITH_ACTIONS_FIRST,
    );
    expect(cards[CARDS_WITH_ACTIONS_FIRST]?.querySelector('.library-item-actions')).toBeNull();
  });

  it('keeps every control blank, with the labels and tags that give it its width', () => {
    const articles = [summary(1, { tags: ['سياسة', 'اقتصاد'] }), summary(2, { tags: ['سياسة', 'تاريخ'] })];
    const page = drawLibrary(articles, createTranslate('ar'));
    const tools = [...page.querySelectorAll('.library-tools')];
    expect(tools).toHaveLength(3);
    for (const row of tools) expect(row.classList.contains('first-screen-blank')).toBe(true);
    for (const actions of page.querySelectorAll('.library-item-actions'))
      expect(actions.classList.contains('first-screen-blank')).toBe(true);
    const tagOptions = [...(page.querySelectorAll('select')[1]?.options ?? [])].map((o) => o.textContent);
    expect(tagOptions).toEqual(['كل الوسوم', 'اقتصاد', 'تاريخ', 'سياسة']);
    expect(page.querySelector('input[type="url"]')?.getAttribute('placeholder')).toBe(
      createTranslate('ar')('web.placeholder'),
    );
  });

  for (const language of ['ar', 'en'] as const) {
    it(`draws the same screen with only the messages the page carries for it (${language})`, () => {
      // Every shape, every plural form Arabic has (0, 1, 2, 3-10, 11-99, 100), tags, and an article to continue.
      const articles = [0, 1, 2, 3, 11, 100].flatMap((highlights, n) =>
        SHAPES.map((shape, k) => ({ ...shape, id: `id-${n}-${k}`, highlights, tags: [`وسم ${k}`] })),
      );
      const picked = pickMessages(MESSAGES[language], LIBRARY_SCREEN_KEYS);
      const keys = (messages: Record<string, string>) => Object.keys(messages).length;
      expect(keys(picked)).toBeLessThan(keys(MESSAGES[language]) / 10);
      for (const count of [articles.length, 1, 2, 3, 11]) {
        const shown = articles.slice(0, count);
        const whole = drawLibrary(shown, createTranslate(language));
        const cut = drawLibrary(shown, createTranslate(language, picked));
        expect(cut.isEqualNode(whole), `${count} articles`).toBe(true);
      }
    });
  }

  it("writes the articles' words as text, never as markup", () => {
    const page = drawLibrary(
      [summary(1, { title: '<img src=x onerror=alert(1)>', site: '<b>x</b>' })],
      createTranslate('ar'),
    );
    expect(page.querySelector('img, b')).toBeNull();
    expect(page.querySelector('.library-list .library-item-title')?.textContent).toBe(
      '<img src=x onerror=alert(1)>',
    );
  });

  it('keeps a click on a card or on "Resume" for the interface to open', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const articles = [
      summary(1),
      summary(2, { lastReadAt: '2026-11-30T09:00:00.000Z', progress: { offset: 1, fraction: 0.1 } }),
    ];
    showLibrary(root, articles, 'ar');
    root.querySelector<HTMLElement>('.library-list li:nth-child(2) .library-item-first-line')?.click();
    expect(window.location.hash).toBe('#/article/id-1');
    root.querySelector<HTMLElement>('.continue-action')?.click();
    expect(window.location.hash).toBe('#/article/id-2');
  });
});
