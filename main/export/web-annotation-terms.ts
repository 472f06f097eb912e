/**
 * Names shared by the Web Annotation writer and reader: the JSON-LD context, Hamish's namespace and the
 * URNs that identify highlights and articles (their ids are [A-Za-z0-9_-], so they need no escaping).
 */

export const EXPORT_SCHEMA_VERSION = 1;
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const HAMISH_NS = 'https://hamish.app/ns#';
export const CONTEXT = [ANNO_CONTEXT, { hamish: HAMISH_NS }] as const;

const HIGHLIGHT_URN = 'urn:hamish:highlight:';
const ARTICLE_URN = 'urn:hamish:article:';
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export const highlightUrn = (id: string): string => HIGHLIGHT_URN + id;
export const articleUrn = (id: string): string => ARTICLE_URN + id;

function idFrom(urn: string, prefix: string): string | undefined {
  const id = urn.startsWith(prefix) ? urn.slice(prefix.length) : '';
  return ID.test(id) ? id : undefined;
}

/** The highlight id inside `urn:hamish:highlight:<id>`, or undefined. */
export const highlightIdFrom = (urn: string): string | undefined => idFrom(urn, HIGHLIGHT_URN);
/** The article id inside `urn:hamish:article:<id>`, or undefined. */
export const articleIdFrom = (urn: string): string | undefined => idFrom(urn, ARTICLE_URN);
