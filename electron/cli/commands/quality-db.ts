import type { CliIo } from '../command';

export async function runQualityDbCommand(_db: string, _values: Record<string, unknown>, _io: CliIo): Promise<number> {
  throw new Error('the corpus scan is not wired yet');
}
