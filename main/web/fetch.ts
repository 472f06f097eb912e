/**
 * Fetching one web resource for the saver, with every limit enforced while the bytes arrive: http and https
 * only, at most five redirects (each hop checked again), a total time limit, a size limit on the bytes
 * received and on the bytes once decompressed (a gzip or brotli bomb stops at the limit), TLS errors
 * reported as such and never ignored. No cookies and no credentials are sent; the User-Agent says who asks.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { version } from '../../package.json';
import { isPrivateHost, isPrivateIp, webAddress } from './address';
import { WebError } from './web-error';

export const MAX_REDIRECTS = 5;
export const DEFAULT_TIME_LIMIT_MS = 30_000;
export const MAX_HTML_BYTES = 20 * 1024 * 1024;
export const USER_AGENT = `Hamish/${version} (+offline reader)`;

export type FetchOptions = {
  /** Bytes allowed, received and decompressed alike. */
  maxBytes: number;
  /** Aborts the whole fetch: the person cancelled, or the save's time limit passed. */
  signal: AbortSignal;
  /** What is asked for (the Accept header). */
  accept: string;
  /** Refuses a response by its Content-Type before its body is read; returns why, or null to read it. */
  refuseType?: (contentType: string) => string | null;
  /**
   * Whether addresses on the local computer or the local network may be fetched (by name, by literal address or
   * by what the name resolves to, checked at connection time). Off, a public page cannot lead the app to
   * a router or a local service through a redirect or a picture.
   */
  allowPrivate?: boolean;
};

export type Fetched = { url: URL; status: number; contentType: string; bytes: Buffer };

const mb = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

// Node's codes for a network that cannot be reached: saving can be tried again later.
const OFFLINE = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'ECONNRESET',
]);
// EPROTO: the handshake failed (a server that does not speak TLS, or an old protocol version).
const TLS = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|HOSTNAME_MISMATCH|^EPROTO$/;

/** Translates a failed request into what the person can understand. */
function requestFailure(error: NodeJS.ErrnoException, url: URL, signal: AbortSignal): WebError {
  if (signal.aborted) return abortError(url, signal);
  const code = error.code ?? '';
  if (code === PRIVATE_ADDRESS) return privateRefusal(url);
  if (TLS.test(code)) {
    return new WebError('web-tls', url.href, `the secure connection failed (${code}): ${error.message}`);
  }
  if (OFFLINE.has(code)) {
    return new WebError('web-offline', url.href, `the site could not be reached (${code})`);
  }
  return new WebError('web-failed', url.href, `the request failed (${code || error.message})`);
}

function abortError(url: URL, signal: AbortSignal): WebError {
  const reason: unknown = signal.reason;
  if (reason instanceof WebError) return reason;
  if (reason instanceof DOMException && reason.name === 'TimeoutError')
    return new WebError('web-timeout', url.href, 'the site took too long to answer');
  return new WebError('web-cancelled', url.href, 'the save was cancelled');
}

function decoderFor(encoding: string): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  const name = encoding.trim().toLowerCase();
  if (name === 'gzip' || name === 'x-gzip') return zlib.createGunzip();
  if (name === 'deflate') return zlib.createInflate();
  if (name === 'br') return zlib.createBrotliDecompress();
  return null;
}

const PRIVATE_ADDRESS = 'EHAMISHPRIVATE';

function privateRefusal(url: URL): WebError {
  return new WebError(
    'web-private',
    url.href,
    'the address is on this computer or the local network, and the page was not sent from there',
  );
}

/** dns.lookup, refusing a name that resolves to a private or loopback address. */
export const publicOnlyLookup: typeof dns.lookup = ((
  hostname: string,
  options: dns.LookupOptions,
  callback: (
    error: NodeJS.ErrnoException | null,
    address: string | dns.LookupAddress[],
    family?: number,
  ) => void,
) => {
  dns.lookup(hostname, { ...options }, (error, address: string | dns.LookupAddress[], family?: number) => {
    if (error) return callback(error, address, family);
    const addresses = Array.isArray(address) ? address.map((entry) => entry.address) : [address];
    if (addresses.some(isPrivateIp)) {
      const refusal: NodeJS.ErrnoException = new Error(`${hostname} resolves to a private address`);
      refusal.code = PRIVATE_ADDRESS;
      return callback(refusal, address, family);
    }
    callback(null, address, family);
  });
}) as typeof dns.lookup;

/** One request, no redirect followed: the response (its body unread), or a WebError. */
function request(url: URL, options: FetchOptions): Promise<http.IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  if (!options.allowPrivate && isPrivateHost(url)) return Promise.reject(privateRefusal(url));
  return new Promise((resolve, reject) => {
    const outgoing = client.request(url, {
      ...(!options.allowPrivate && { lookup: publicOnlyLookup }),
      method: 'GET',
      signal: options.signal,
      // No agent: no connection or session is shared with another request, and no cookie jar exists.
      agent: false,
      headers: {
        'User-Agent': USER_AGENT,
        Accept: options.accept,
        'Accept-Encoding': 'gzip, deflate, br',
        'Accept-Language': 'ar, en;q=0.8',
      },
    });
    outgoing.on('response', resolve);
    outgoing.on('error', (error: NodeJS.ErrnoException) =>
      reject(requestFailure(error, url, options.signal)),
    );
    outgoing.end();
  });
}

/** Reads a response body within the limit, decompressing it as it arrives. */
async function readBody(response: http.IncomingMessage, url: URL, options: FetchOptions): Promise<Buffer> {
  const tooLarge = () =>
    new WebError('too-large', url.href, `the page is larger than the ${mb(options.maxBytes)} limit`);
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const decoder = decoderFor(String(response.headers['content-encoding'] ?? ''));
  let received = 0;
  // Count the bytes off the wire before they reach the decompressor.
  response.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > options.maxBytes) response.destroy(tooLarge());
  });
  const body: Readable = decoder ? response.pipe(decoder) : response;
  if (decoder) response.on('error', (error) => decoder.destroy(error));
  const onAbort = () => {
    const error = abortError(url, options.signal);
    response.destroy(error);
    body.destroy(error);
  };
  options.signal.addEventListener('abort', onAbort, { once: true });
  const chunks: Buffer[] = [];
  let decoded = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      decoded += chunk.length;
      if (decoded > options.maxBytes) {
        // A small compressed body that inflates past the limit: stop inflating now.
        const error = new WebError(
          'too-large',
          url.href,
          `the page unpacks to more than the ${mb(options.maxBytes)} limit`,
        );
        body.destroy(error);
        response.destroy(error);
        throw error;
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof WebError) throw error;
    if (options.signal.aborted) throw abortError(url, options.signal);
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code === 'ERR__ERROR_FORMAT_PADDING_1')
      throw new WebError('web-failed', url.href, `the compressed page is damaged (${code})`);
    throw requestFailure(error as NodeJS.ErrnoException, url, options.signal);
  } finally {
    options.signal.removeEventListener('abort', onAbort);
  }
  return Buffer.concat(chunks);
}

const REASONS: Record<number, string> = {
  401: 'the site asks for a login, and Hamish sends none',
  403: 'the site refused access',
  404: 'the page was not found on the site',
  410: 'the page was removed from the site',
  429: 'the site asks to slow down; try again later',
};

/**
 * Fetches `address`, following at most MAX_REDIRECTS redirects, each to an http(s) address. Throws WebError
 * for every refusal: scheme, redirects, status, type, size, time, TLS, network.
 */
export async function fetchResource(address: string, options: FetchOptions): Promise<Fetched> {
  let url = webAddress(address);
  for (let hop = 0; ; hop += 1) {
    if (options.signal.aborted) throw abortError(url, options.signal);
    const response = await request(url, options);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location !== undefined) {
      // The body of a redirect or an error page is not read: its connection is closed, not drained.
      response.destroy();
      if (hop >= MAX_REDIRECTS)
        throw new WebError('web-redirects', address, `more than ${MAX_REDIRECTS} redirects`);
      // A redirect to file:, data: or javascript: is refused like a link to one.
      url = webAddress(response.headers.location, url.href);
      continue;
    }
    if (status < 200 || status >= 300) {
      response.destroy();
      const reason =
        REASONS[status] ?? (status >= 500 ? 'the site had an error' : 'the site refused the request');
      throw new WebError('web-status', url.href, `${reason} (HTTP ${status})`);
    }
    const contentType = String(response.headers['content-type'] ?? '');
    const refused = options.refuseType?.(contentType) ?? null;
    if (refused !== null) {
      response.destroy();
      throw new WebError('web-not-html', url.href, refused);
    }
    return { url, status, contentType, bytes: await readBody(response, url, options) };
  }
}
