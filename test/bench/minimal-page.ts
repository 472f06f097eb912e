/**
 * The yardstick of the opening bench: a page that does the reader's and the library's first job with
 * nothing in between — fetch the same JSON from the same server, append every block (or every list item)
 * as plain DOM. No framework, no web font, no highlights painted. Routed by the same hash as Hamish
 * (`#/article/ID`, `#/library`), so the bench drives both pages the same way; `#/article/ID/N` shows only
 * the first N blocks (a book's first chapter). Served under the app's CSP,
 * hence a script file rather than an inline script.
 */

const HTML = `<!doctype html>
<html lang="ar" dir="rtl">
  <head>
    <meta charset="utf-8" />
    <title>minimal</title>
    <link rel="stylesheet" href="/minimal.css" />
    <script type="module" src="/minimal.js"></script>
  </head>
  <body></body>
</html>
`;

const CSS = `body { margin: 0 auto; max-width: 42em; padding: 1em; font: 20px/1.8 serif; }
li { list-style: none; margin-block: 0.5em; }
`;

const SCRIPT = `
const api = async (method, input) => {
  const response = await fetch('/api/' + method, { method: 'POST', body: JSON.stringify(input) });
  const result = await response.json();
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

const TAGS = { heading: 'h2', paragraph: 'p', quote: 'blockquote', listItem: 'li' };

async function showArticle(id, count) {
  const article = await api('openArticle', { id });
  const element = document.createElement('article');
  element.lang = article.lang;
  element.dir = article.dir;
  for (const block of article.blocks.slice(0, count)) {
    const child = document.createElement(TAGS[block.kind] ?? 'p');
    child.textContent = block.text;
    element.append(child);
  }
  document.body.replaceChildren(element);
}

async function showLibrary() {
  const articles = await api('listArticles', {});
  const list = document.createElement('ul');
  for (const article of articles) {
    const item = document.createElement('li');
    const title = document.createElement('button');
    title.textContent = article.title;
    const first = document.createElement('div');
    first.textContent = article.firstLine;
    item.append(title, first);
    list.append(item);
  }
  document.body.replaceChildren(list);
}

function route() {
  const [, view, id, count] = location.hash.split('/');
  if (view === 'article' && id) void showArticle(decodeURIComponent(id), count ? Number(count) : undefined);
  else if (view === 'library') void showLibrary();
}

addEventListener('hashchange', route);
route();
`;

/** The minimal page's files, by request path. */
export const MINIMAL_PAGE: Record<string, string> = {
  '/minimal.html': HTML,
  '/minimal.css': CSS,
  '/minimal.js': SCRIPT,
};
