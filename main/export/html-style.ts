/**
 * The one stylesheet of the HTML export, inline because the page's CSP allows nothing else.
 * Fonts are named, never loaded (no `url(`): the page uses whichever Arabic font the reader's system has.
 */
import type { Color } from '../../shared/annotation-model';

/** Light tints, dark enough to see on paper, light enough for black text to stay readable. */
export const HIGHLIGHT_TINTS: Record<Color, { background: string; edge: string }> = {
  yellow: { background: '#fff3a8', edge: '#d4b200' },
  green: { background: '#d4f5cf', edge: '#3f9a36' },
  blue: { background: '#d3e7fd', edge: '#2f6fc0' },
  pink: { background: '#fbd5e6', edge: '#c2417c' },
  purple: { background: '#e6dafb', edge: '#7450c0' },
};

const colorRules = Object.entries(HIGHLIGHT_TINTS)
  .map(([color, tint]) => `.color-${color}{background:${tint.background};border-color:${tint.edge}}`)
  .join('\n');

export const HTML_STYLE = `
:root{color-scheme:light}
body{margin:0 auto;max-width:42rem;padding:2rem 1.25rem;color:#1b1b1b;background:#fff;
font-family:"Noto Naskh Arabic","Amiri","Geeza Pro","Traditional Arabic","Times New Roman",serif;
font-size:1.125rem;line-height:1.9}
h1{font-size:1.6rem;line-height:1.4;margin:0 0 .5rem}
h2{font-size:1.2rem;margin:2rem 0 1rem;color:#444}
.meta,.exported{color:#555;font-size:.9rem}
blockquote{margin:1.25rem 0 .5rem;padding:.5rem 1rem;border-inline-start:.3rem solid;border-radius:.25rem;
-webkit-print-color-adjust:exact;print-color-adjust:exact}
blockquote p,.note p{margin:.25rem 0}
.note{margin:.25rem 0 .25rem;padding-inline-start:1rem}
.note blockquote{margin:.25rem 0;padding:0 .75rem;border-inline-start:.2rem solid #bbb;border-radius:0}
.note ul,.note ol{margin:.25rem 0;padding-inline-start:1.5rem}
.note-heading{font-weight:700}
.note code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.9em;background:#f2f2f2;padding:0 .2em}
.note pre{overflow-x:auto;background:#f2f2f2;padding:.5rem;text-align:left}
.note a{color:#1a55a0}
.tags{list-style:none;display:inline;margin:0;padding:0}
.tags li{display:inline;margin-inline-end:.5rem}
.highlight{break-inside:avoid}
article+article{margin-top:3rem;border-top:1px solid #ccc;padding-top:2rem}
footer{margin-top:3rem;color:#777;font-size:.8rem}
${colorRules}
@media print{body{max-width:none;padding:0;font-size:11pt}article+article{break-before:page;border:0;margin:0}
h2{break-after:avoid}}
`.trim();
