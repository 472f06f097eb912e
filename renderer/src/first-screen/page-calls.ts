import type { Inputs, Outputs, Result } from '../../../shared/contract';
import { EARLY_CALLS_GLOBAL, earlyKey, type EarlyMethod } from '../../../shared/early-script';
import { call } from '../api';

/**
 * The calls of the page's own first-screen script (in-page.ts), which the build gives first-screen.ts in
 * place of api.ts's `pendingEarly` and `callEarly` (electron.vite.config.ts). That script is a bundle of its
 * own, with its own copy of what it imports: api.ts's, taking the page's first calls for itself, would leave
 * none for the entry's api.ts, which would ask main again. These leave every call where the page's first
 * script left its own (`window.hamishEarlyCalls`, shared/early-script.ts), for the entry to take over.
 */

/** The call sent early for `method` and `input`, if one was; it stays there. */
export function pendingEarly<M extends EarlyMethod>(
  method: M,
  input: Inputs[M],
): Promise<Result<Outputs[M]>> | undefined {
  return window[EARLY_CALLS_GLOBAL]?.get(earlyKey(method, input)) as Promise<Result<Outputs[M]>> | undefined;
}

/** Sends a call unless it was sent, among the page's first calls, where the entry takes it over. */
export function callEarly<M extends EarlyMethod>(method: M, input: Inputs[M]): void {
  const calls = (window[EARLY_CALLS_GLOBAL] ??= new Map());
  const key = earlyKey(method, input);
  if (!calls.has(key)) calls.set(key, call(method, input));
}
