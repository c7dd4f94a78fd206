import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openEngine } from '../../engine/engine';
import { projectRoot } from '../../engine/paths';
import { startServer } from '../../server/server';
import { numberOpt, requireString, UsageError, type CliCommand } from '../command';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'open a corpus in the browser (loopback only, with a per-run token)',
  usage: 'kurasi serve --db <file> [--port N]',
  options: { db: { type: 'string' }, port: { type: 'string' } },
  async run({ values }, io) {
    const dbPath = requireString(values, 'db');
    const port = numberOpt(values, 'port') ?? 0;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be an integer from 0 to 65535 (0: any free port)');
    const engine = openEngine({ dbPath });
    const server = await startServer({
      engine,
      port,
      staticDir: process.env.KURASI_RENDERER_DIR ?? join(projectRoot(), 'dist', 'renderer'),
      uploadDir: join(tmpdir(), `kurasi-uploads-${process.pid}`),
    });
    io.stdout.write(`Kurasi: ${server.url}\n`);
    await new Promise<void>((resolveStop) => {
      const stop = () => resolveStop();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    await engine.close();
    return 0;
  },
};
