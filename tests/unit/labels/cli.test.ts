import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setLabel } from '../../../electron/engine/labels/labels';
import { runKurasi } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { docs, labelCorpus, laptops, open } from './helpers';

describe('kurasi labels / agreement', () => {
  it('exports packs per annotator, imports them, lists conflicts and agreement; refuses a bad pack with exit 1', async () => {
    const { path, db } = labelCorpus(docs(6));
    db.close();
    const lap = laptops(path, ['ani', 'budi']);
    const dir = tempDir();
    const plan = { ani: ['keep', 'keep', 'drop', 'keep', 'drop', 'keep'], budi: ['keep', 'drop', 'drop', 'keep', 'drop', 'drop'] };
    for (const name of ['ani', 'budi'] as const) {
      const d = open(lap[name] as string);
      plan[name].forEach((v, i) => setLabel(d, name, i + 1, 'decision', v));
      d.close();
      const ex = await runKurasi(['labels', 'export', '--db', lap[name] as string, '--annotator', name, '--out', join(dir, `${name}.kpack`), '--json']);
      expect(ex.code, ex.stderr).toBe(0);
      expect(JSON.parse(ex.stdout)).toMatchObject({ annotator: name, labels: 6, spans: 0 });
    }
    writeFileSync(join(dir, 'broken.kpack'), 'x');
    const bad = await runKurasi(['labels', 'import', '--db', path, join(dir, 'ani.kpack'), join(dir, 'broken.kpack')]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/REFUSED .*broken\.kpack/);
    expect(bad.stderr).toMatch(/nothing was imported/);

    const imp = await runKurasi(['labels', 'import', '--db', path, join(dir, 'ani.kpack'), join(dir, 'budi.kpack'), '--json']);
    expect(imp.code, imp.stderr).toBe(0);
    expect(JSON.parse(imp.stdout)).toMatchObject({ committed: true, conflicts: 2 });

    const conflicts = await runKurasi(['labels', 'conflicts', '--db', path, '--json']);
    expect(JSON.parse(conflicts.stdout)).toMatchObject({ total: 2, rows: [{ documentId: 2 }, { documentId: 6 }] });

    const ag = await runKurasi(['agreement', '--db', path, '--json']);
    expect(ag.code, ag.stderr).toBe(0);
    const decision = (JSON.parse(ag.stdout) as { questions: { question: string; rawAgreement: number; cohensKappa: number }[] }).questions.find((q) => q.question === 'decision');
    // 4 of 6 agree; ani keep 4/6, budi keep 2/6 → pe = (4·2 + 2·4)/36 = 16/36; κ = (24/36 − 16/36)/(20/36) = 0.4.
    expect(decision?.rawAgreement).toBeCloseTo(4 / 6, 10);
    expect(decision?.cohensKappa).toBeCloseTo(0.4, 10);
    const text = await runKurasi(['agreement', '--db', path]);
    expect(text.stdout).toMatch(/decision\t2\t6\t0\.667\t0\.400\t/);

    const stats = await runKurasi(['stats', '--db', path, '--json']);
    expect(JSON.parse(stats.stdout).sections.labels).toMatchObject({ labels: 12, labelledDocuments: 6, annotators: 2, conflicts: 2 });

    expect((await runKurasi(['labels', 'import', '--db', path])).code).toBe(2);
    expect((await runKurasi(['labels', 'export', '--db', path, '--out', join(dir, 'x')])).code).toBe(2);
  });
});
