import type { MethodName, Output, ParsedInput } from '../../../shared/contract';
import type { Engine } from '../engine';

export type Handler<K extends MethodName> = (engine: Engine, input: ParsedInput<K>) => Output<K> | Promise<Output<K>>;

/** A feature's handlers: exactly the methods it names. */
export type HandlerMap<K extends MethodName> = { [M in K]: Handler<M> };

/** All handlers: exactly one per contract method (a missing one is a type error). */
export type Handlers = HandlerMap<MethodName>;
