import { dispatch } from '../../electron/engine/api/dispatch';
import type { Engine } from '../../electron/engine/engine';
import { contract, type Input, type MethodName, type Output } from '../../shared/contract';

/** Calls one contract method through the engine's dispatcher, as the front doors do; its output checked against the contract. */
export async function call<K extends MethodName>(e: Engine, name: K, input: Input<K>): Promise<Output<K>> {
  const r = await dispatch(e, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return contract[name].output.parse(r.value) as Output<K>;
}
