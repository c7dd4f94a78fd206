import { contract, err, isMethodName, ok, type MethodName, type Result } from '../../../shared/contract';
import type { Engine } from '../engine';
import { KurasiError } from '../errors';
import type { Handler } from './handler';
import { handlers } from './handlers';

/**
 * The boundary every front door goes through: the method must exist, its input must match the contract;
 * anything thrown becomes a typed error instead of crossing the boundary.
 */
export async function dispatch(engine: Engine, method: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!isMethodName(method)) return err('not-found', `unknown method '${method}'`);
  const spec = contract[method];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return err(
      'bad-request',
      `invalid input for ${method}`,
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  }
  try {
    const handler = handlers[method] as Handler<MethodName>;
    return ok(await handler(engine, parsed.data as never));
  } catch (e) {
    if (e instanceof KurasiError) return err(e.code, e.message);
    const message = e instanceof Error ? e.message : String(e);
    return err('internal', message);
  }
}
