import type { z } from 'zod';
import { corpusMethods } from './corpus';
import { dedupeMethods } from './dedupe';
import { importMethods } from './import';
import { jobMethods } from './jobs';
import { browseMethods } from './browse';
import { licenseMethods } from './license';
import { labelsMethods } from './labels';
import { langidMethods } from './langid';
import { exportMethods } from './export';
import { piiMethods } from './pii';
import { qualityMethods } from './quality';

/** Every request the UI (or any front door) can make. One line per feature. */
export const contract = {
  ...corpusMethods,
  ...dedupeMethods,
  ...importMethods,
  ...jobMethods,
  ...exportMethods,
  ...langidMethods,
  ...browseMethods,
  ...licenseMethods,
  ...labelsMethods,
  ...piiMethods,
  ...qualityMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes (defaults may be omitted). */
export type Input<K extends MethodName> = z.input<Contract[K]['input']>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedInput<K extends MethodName> = z.output<Contract[K]['input']>;
export type Output<K extends MethodName> = z.output<Contract[K]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './result';
export * from './events';
