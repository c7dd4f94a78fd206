#!/usr/bin/env python3
"""Builds resources/sample/sample.jsonl, the corpus `npm start` opens on first run, from ../shared/data.

Deterministic: the same input files give the same output. Attribution is in resources/sample/README.md.
"""
import csv, json, sys
from pathlib import Path

data = Path(sys.argv[1] if len(sys.argv) > 1 else '../shared/data')
out = Path('resources/sample/sample.jsonl')
cols = {'indonesian': 'ind', 'javanese': 'jav', 'sundanese': 'sun', 'minangkabau': 'min', 'balinese': 'ban',
        'acehnese': 'ace', 'madurese': 'mad', 'buginese': 'bug', 'banjarese': 'bjn', 'english': 'eng'}
rows = []
with open(data / 'nusax-mt' / 'valid.csv', newline='', encoding='utf-8') as f:
    for r in csv.DictReader(f):
        for col, code in cols.items():
            rows.append({'id': f'nusax-valid-{r[""]}-{code}', 'text': r[col], 'dataset': 'NusaX-MT (valid)', 'declared_lang': code,
                         'license': 'CC-BY-SA-4.0'})
for code in ['ind', 'zsm', 'jav', 'eng']:
    for line in (data / 'talpco' / f'{code}.txt').read_text(encoding='utf-8').splitlines()[:150]:
        if '\t' not in line: continue
        i, t = line.split('\t', 1)
        rows.append({'id': f'talpco-{code}-{i}', 'text': t, 'dataset': 'TALPCo', 'declared_lang': 'zlm' if code == 'zsm' else code,
                     'license': 'CC-BY-4.0'})
for name in ['jav', 'sun', 'min', 'mad', 'bug']:
    with open(data / 'nusa-writes' / f'paragraph-{name}-valid.csv', newline='', encoding='utf-8') as f:
        for k, r in enumerate(csv.DictReader(f)):
            if k >= 60: break
            rows.append({'id': f'nusawrites-{name}-{r["id"]}', 'text': r['text'], 'dataset': 'NusaWrites (valid)', 'declared_lang': name,
                         'topic': r['label'], 'license': 'Apache-2.0'})
out.parent.mkdir(parents=True, exist_ok=True)
with open(out, 'w', encoding='utf-8') as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + '\n')
print(f'{len(rows)} documents -> {out}')
