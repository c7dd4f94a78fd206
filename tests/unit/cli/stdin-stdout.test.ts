import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CLI, runKurasi } from '../../helpers/cli';
import { seedCorpus } from '../../helpers/corpus';

interface ClosedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  firstLine: string;
  stderr: string;
}

/**
 * Runs the CLI the way `kurasi … | head -1` does: stdout is read up to its first line and then closed (or closed
 * before the command writes anything at all, with `closeAt: 'start'`), while `feed` writes its stdin.
 */
function runWithClosedStdout(
  args: string[],
  feed: (stdin: Writable) => void,
  closeAt: 'first-line' | 'start' = 'first-line',
): Promise<ClosedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // The child going away makes our own writes to its stdin fail: that is expected here.
    child.stdin.on('error', () => {});
    if (closeAt === 'start') child.stdout.destroy();
    else
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) child.stdout.destroy();
      });
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code, signal, firstLine: out.split('\n')[0] ?? '', stderr }),
    );
    feed(child.stdin);
  });
}

/** Like `yes LINE`: writes for as long as the reader takes it. */
function endless(line: string): (stdin: Writable) => void {
  return (stdin) => {
    const chunk = `${line}\n`.repeat(500);
    let open = true;
    stdin.on('close', () => (open = false));
    stdin.on('error', () => (open = false));
    const pump = () => {
      while (open && stdin.write(chunk));
    };
    stdin.on('drain', pump);
    pump();
  };
}

const many = (line: string, n: number) => (stdin: Writable) => stdin.end(`${line}\n`.repeat(n));

describe('kurasi stdin commands: output whose reader goes away (| head)', () => {
  it('detect stops quietly with exit 0 when stdout closes after one line, with a file or an endless stdin', async () => {
    const file = await runWithClosedStdout(
      ['detect'],
      many('Kemarin saya pergi ke pasar untuk membeli sayur.', 20_000),
    );
    expect([file.code, file.stderr]).toEqual([0, '']);
    expect(JSON.parse(file.firstLine)).toMatchObject({ lang: 'ind' });
    const yes = await runWithClosedStdout(['detect'], endless('Saya makan nasi goreng di warung'));
    expect([yes.code, yes.stderr]).toEqual([0, '']);
    expect(JSON.parse(yes.firstLine)).toHaveProperty('lang');
  });

  it('pii and quality on stdin stop the same way', async () => {
    for (const cmd of ['pii', 'quality']) {
      const r = await runWithClosedStdout(
        [cmd],
        endless('NIK saya 3174051203900001 dan ini kalimat yang wajar'),
      );
      expect([cmd, r.code, r.stderr]).toEqual([cmd, 0, '']);
      expect(JSON.parse(r.firstLine)).toBeTypeOf('object');
    }
  });

  it('commands that print a report (langid, stats) exit 0 quietly when stdout is already closed', async () => {
    const { path, db } = seedCorpus([
      { text: 'Saya sangat kecewa dengan pelayanan restoran ini.' },
      { text: 'The food was delicious.' },
    ]);
    db.close();
    const noop = (stdin: Writable) => stdin.end();
    const langid = await runWithClosedStdout(['langid', '--db', path, '--workers', '1'], noop, 'start');
    expect([langid.code, langid.stderr]).toEqual([0, '']);
    const stats = await runWithClosedStdout(['stats', '--db', path], noop, 'start');
    expect([stats.code, stats.stderr]).toEqual([0, '']);
    // The job itself finished: the closed output did not cut it short.
    const s = await runKurasi(['stats', '--db', path, '--json']);
    expect(JSON.parse(s.stdout)).toMatchObject({ sections: { languages: { labelled: 2 } } });
  });
});

/** Runs the CLI with stdout on /dev/full, where every write fails with ENOSPC (a full disk behind `> out`). */
function runIntoFullDisk(args: string[], input: string): Promise<{ code: number | null; stderr: string }> {
  const fd = openSync('/dev/full', 'w');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['pipe', fd, 'pipe'] });
    closeSync(fd);
    const { stdin, stderr: err } = child;
    if (!stdin || !err) return reject(new Error('the child has no stdin or stderr pipe'));
    let stderr = '';
    err.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
    stdin.end(input);
  });
}

describe('kurasi output that cannot be written', () => {
  it('is a failure (exit 1) with a one-line reason, unlike a reader that went away', async () => {
    for (const args of [['--help'], ['detect']]) {
      const r = await runIntoFullDisk(args, 'Kemarin saya pergi ke pasar untuk membeli sayur.\n');
      expect([args, r.code]).toEqual([args, 1]);
      expect(r.stderr).toMatch(/^kurasi(?: detect)?: cannot write the output: ENOSPC[^\n]*\n$/);
    }
  });
});

describe('kurasi stdin commands: lines and encodings', () => {
  it('splits lines on LF only: CRLF is one line end, a lone CR stays inside its line', async () => {
    const input =
      'Saya makan nasi goreng\rdi warung kopi\nThis is line two of the input\r\nBaris ketiga tanpa akhir';
    const detect = await runKurasi(['detect'], { input });
    expect(detect.code, detect.stderr).toBe(0);
    expect(detect.stdout.trim().split('\n')).toHaveLength(3);
    // pii echoes each text back redacted, so it shows exactly where the lines were cut.
    const pii = await runKurasi(['pii'], {
      input: 'NIK saya 3174051203900001\rdi kantor\r\nkedua\r\n\r\nkeempat\n',
    });
    const redacted = pii.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { redacted: string }).redacted);
    expect(redacted).toEqual(['NIK saya <NIK>\rdi kantor', 'kedua', '', 'keempat']);
  });

  it('reads UTF-16 (LE and BE) with a byte-order mark, and drops a UTF-8 byte-order mark', async () => {
    const text =
      'Kemarin saya pergi ke pasar untuk membeli sayur.\r\nI went to the market yesterday to buy vegetables.\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le).swap16();
    expect([...be.subarray(0, 2)]).toEqual([0xfe, 0xff]);
    for (const [name, input] of [
      ['utf-16le', le],
      ['utf-16be', be],
    ] as const) {
      const r = await runKurasi(['detect'], { input });
      expect([name, r.code, r.stderr]).toEqual([name, 0, '']);
      const langs = r.stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { lang: string }).lang);
      expect([name, langs]).toEqual([name, ['ind', 'eng']]);
    }
    const utf8 = await runKurasi(['pii'], {
      input: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Apa kabar\n', 'utf8')]),
    });
    expect(JSON.parse(utf8.stdout)).toEqual({ findings: [], redacted: 'Apa kabar' });
  });
});

interface DetectLine {
  lang: string;
  confidence: number;
  alternatives: unknown[];
  error?: string;
}

describe('kurasi detect: JSON lines it cannot read', () => {
  it('answers und with an "error" for a record without a string text and for broken JSON, keeps going, and exits 1', async () => {
    const input = [
      '{"content":"Kemarin saya pergi ke pasar untuk membeli sayur."}',
      '{"text":"Kemarin saya pergi ke pasar untuk membeli sayur."}',
      '{"text":"Kemarin saya pergi ke pas',
      '{"text":42}',
      'The food was delicious and the staff were very friendly.',
    ].join('\n');
    const r = await runKurasi(['detect'], { input });
    expect(r.code).toBe(1);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as DetectLine);
    expect(out.map((o) => o.lang)).toEqual(['und', 'ind', 'und', 'und', 'eng']);
    for (const i of [0, 2, 3])
      expect(out[i]).toEqual({ lang: 'und', confidence: 0, alternatives: [], error: expect.any(String) });
    expect(out[0]?.error).toMatch(/no "text" field; it has "content"/);
    expect(out[2]?.error).toMatch(/not valid JSON/);
    expect(out[3]?.error).toMatch(/"text" is a number/);
    expect(out[1]).not.toHaveProperty('error');
    expect(r.stderr).toMatch(/^kurasi detect: 3 input lines of 5 could not be read/);
    expect(r.stderr).toMatch(/line 1: no "text" field/);
    expect(r.stderr).toMatch(/line 3: starts with "\{" but is not valid JSON/);
    expect(r.stderr).toMatch(/line 4: "text" is a number/);
  });

  it('--text-field names the field; many bad lines are summarised on stderr', async () => {
    const rec = JSON.stringify({ content: 'Kemarin saya pergi ke pasar untuk membeli sayur.' });
    const ok = await runKurasi(['detect', '--text-field', 'content'], { input: `${rec}\n${rec}\n` });
    expect([ok.code, ok.stderr]).toEqual([0, '']);
    expect(
      ok.stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as DetectLine).lang),
    ).toEqual(['ind', 'ind']);
    const bad = await runKurasi(['detect'], { input: `${rec}\n`.repeat(12) });
    expect(bad.code).toBe(1);
    expect(bad.stdout.trim().split('\n')).toHaveLength(12);
    expect(bad.stderr).toMatch(/12 input lines of 12 could not be read/);
    expect(bad.stderr).toMatch(/line 5: /);
    expect(bad.stderr).not.toMatch(/line 6: /);
    expect(bad.stderr).toMatch(/… and 7 more/);
    expect((await runKurasi(['detect', '--text-field='])).code).toBe(2);
  });

  it('pii and quality treat such lines the same way', async () => {
    const input = '{"isi":"NIK 3174051203900001"}\nNIK saya 3174051203900001\n';
    const pii = await runKurasi(['pii'], { input });
    expect(pii.code).toBe(1);
    const [first, second] = pii.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { findings: unknown[]; redacted: string | null; error?: string });
    expect(first).toEqual({ findings: [], redacted: null, error: expect.stringMatching(/no "text" field/) });
    expect(second?.redacted).toBe('NIK saya <NIK>');
    const quality = await runKurasi(['quality', '--text-field', 'isi'], { input });
    expect([quality.code, quality.stderr]).toEqual([0, '']);
  });
});
