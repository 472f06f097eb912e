import { contract, type Result } from './contract';
import { toApiError } from './errors';
import { METHODS, type Method } from '../../shared/methods';
import type { Service } from './service';

/**
 * Calls that change the store and answer quickly. A call that reads waits for those started before it, so a
 * page that saved a note on its way out (pagehide) and asks for the article again after a reload sees the
 * note: the two calls come from different pages, and the save may still be on its way to the disk. Calls
 * that open a dialog are left out, so nothing ever waits for a person to answer one.
 */
const QUICK_WRITES: ReadonlySet<Method> = new Set<Method>([
  'saveProgress',
  'setSettings',
  'createHighlight',
  'updateHighlight',
  'deleteHighlight',
  'restoreHighlight',
  'setArticleNote',
  'renameArticle',
  'trashArticle',
  'untrashArticle',
  'emptyTrash',
  'importData',
  'restoreBackup',
]);

const writesInFlight = new WeakMap<Service, Set<Promise<unknown>>>();

/** Runs `call`, after the quick writes already started on `service` if it is a read. */
function ordered<T>(service: Service, method: Method, call: () => Promise<T>): Promise<T> {
  let running = writesInFlight.get(service);
  if (!running) writesInFlight.set(service, (running = new Set()));
  if (!QUICK_WRITES.has(method)) {
    const earlier = [...running];
    return earlier.length === 0 ? call() : Promise.allSettled(earlier).then(call);
  }
  const result = call();
  const settled = result.catch(() => undefined);
  running.add(settled);
  void settled.then(() => running.delete(settled));
  return result;
}

function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && (METHODS as readonly string[]).includes(name);
}

/** Describes a validation failure without echoing the (possibly huge or hostile) input back. */
function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || 'input'}: ${issue.message}`)
    .join('; ');
}

/**
 * The single entry from outside (Electron IPC, the browser e2e bridge) into the service: refuses unknown
 * methods, validates the input against the contract, and returns errors as values — never throws.
 */
export async function dispatch(service: Service, method: unknown, input: unknown): Promise<Result<unknown>> {
  if (!isMethod(method)) {
    return {
      ok: false,
      error: { code: 'unknown-method', message: `Unknown method ${String(method).slice(0, 64)}.` },
    };
  }
  // Every input is a plain object; zod would read a Date, a Map or a class instance as an empty object.
  const prototype = typeof input === 'object' && input !== null ? Object.getPrototypeOf(input) : undefined;
  if (prototype !== Object.prototype && prototype !== null) {
    return { ok: false, error: { code: 'invalid-input', message: 'input: expected a plain object' } };
  }
  const parsed = contract[method].safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid-input', message: describeIssues(parsed.error.issues) } };
  }
  try {
    const call = service[method] as (value: unknown) => Promise<unknown>;
    return { ok: true, value: await ordered(service, method, () => call(parsed.data)) };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}
