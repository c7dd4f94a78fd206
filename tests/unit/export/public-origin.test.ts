import { describe, expect, it } from 'vitest';
import { publicOrigin } from '../../../electron/engine/export/card';

describe('the origin a published dataset shows', () => {
  it('keeps URLs and reduces local paths to their file or folder name', () => {
    expect(publicOrigin('https://huggingface.co/datasets/indonlp/NusaX-MT')).toBe('https://huggingface.co/datasets/indonlp/NusaX-MT');
    expect(publicOrigin('/home/ayu/proyek-rahasia/nusa-writes/paragraph-bug-valid.csv')).toBe('paragraph-bug-valid.csv');
    expect(publicOrigin('C:\\Users\\ayu\\data\\berita\\')).toBe('berita');
    expect(publicOrigin('/data/a.jsonl, /data/b.jsonl.gz, s3://bucket/c.txt')).toBe('a.jsonl, b.jsonl.gz, s3://bucket/c.txt');
  });
});
