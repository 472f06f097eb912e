import type { Inputs, Outputs, Result } from './contract';
import { dispatch } from './dispatch';
import { HamishError } from './errors';
import type { Method } from '../../shared/methods';
import type { Service } from './service';

/** Calls a contract method through the same validation as the app's IPC; throws its error value. */
export async function call<M extends Method>(
  service: Service,
  method: M,
  input: Inputs[M],
): Promise<Outputs[M]> {
  const result = (await dispatch(service, method, input)) as Result<Outputs[M]>;
  if (!result.ok) throw new HamishError(result.error.code, result.error.message, result.error.file);
  return result.value;
}
