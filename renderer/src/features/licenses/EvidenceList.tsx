import { useRef, useState } from 'react';
import type { EvidenceItem } from '../../../../shared/contract/license';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { describeEngineMessage } from '../../i18n/engine-messages';

function toBase64(buf: ArrayBuffer): string {
  let s = '';
  const bytes = new Uint8Array(buf);
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}

/**
 * Hands the stored bytes to the browser as a download. Always as opaque bytes under the stored name: shown in the app's
 * own origin, an HTML or SVG file someone attached could run script with the app's rights.
 */
function saveBytes(fileName: string, bytes: Uint8Array<ArrayBuffer>): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken its copy by then; revoking at once can cancel it in some browsers.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Evidence items (URL, file with sha256, note), newest last; removal is recorded, never erased. */
export function EvidenceList({ sourceId, items, cleared, onChanged }: { sourceId: number; items: EvidenceItem[]; cleared: boolean; onChanged(): void }) {
  const { t, lang } = useI18n();
  const locale = lang === 'id' ? 'id-ID' : 'en-GB';
  const [url, setUrl] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  async function add(input: { url?: string; file?: { name: string; contentBase64: string } }) {
    setError(null);
    const r = await api.request('license.addEvidence', { source: sourceId, ...input, ...(note.trim() ? { note: note.trim() } : {}) });
    if (!r.ok) {
      setError(describeEngineMessage(t, r.error.message));
      return;
    }
    setUrl('');
    setNote('');
    onChanged();
  }

  async function download(id: number) {
    setError(null);
    const r = await api.request('license.evidenceFile', { id });
    if (!r.ok) setError(describeEngineMessage(t, r.error.message));
    else saveBytes(r.value.fileName, fromBase64(r.value.contentBase64));
  }

  async function remove(id: number) {
    const r = await api.request('license.removeEvidence', { id });
    if (!r.ok) setError(describeEngineMessage(t, r.error.message));
    else onChanged();
  }

  return (
    <section data-testid="lic-evidence">
      <h3>{t('lic.det.evidence')}</h3>
      {/* Said before anyone adds or removes evidence: what it does to a clearing (migration 0017). */}
      <p className="muted lic-evidence-rule" data-testid="lic-evidence-rule">
        {t(cleared ? 'lic.det.evidenceRuleCleared' : 'lic.det.evidenceRule')}
      </p>
      {items.length === 0 ? (
        <p className="muted">{t('lic.det.noEvidence')}</p>
      ) : (
        <ul className="lic-evidence">
          {items.map((e) => (
            <li key={e.id} className={e.removedAt ? 'removed' : undefined}>
              {e.kind === 'url' && e.url && (
                <a href={e.url} target="_blank" rel="noreferrer noopener">
                  {e.url}
                </a>
              )}
              {e.kind === 'file' && (
                <span>
                  ⎘ {e.fileName} <span className="mono muted" title="sha256">{e.sha256?.slice(0, 16)}…</span>{' '}
                  <button type="button" className="link" data-testid="lic-evidence-download" aria-label={t('lic.det.downloadFile', { name: e.fileName ?? '' })} onClick={() => void download(e.id)}>
                    {t('lic.det.download')}
                  </button>
                </span>
              )}
              {e.note && <span> — {e.note}</span>}
              <span className="muted">
                {' '}
                · {e.addedBy}, {new Date(e.addedAt).toLocaleDateString(locale)}
              </span>
              {e.removedAt ? (
                <span className="muted"> · {t('lic.det.removed', { who: e.removedBy ?? '' })}</span>
              ) : (
                <button type="button" className="link" onClick={() => void remove(e.id)}>
                  {t('lic.det.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="lic-evidence-add">
        <input placeholder={t('lic.det.evidenceNote')} aria-label={t('lic.det.evidenceNote')} value={note} onChange={(e) => setNote(e.target.value)} />
        <input type="url" placeholder="https://…" aria-label={t('lic.det.addUrl')} value={url} onChange={(e) => setUrl(e.target.value)} />
        <button type="button" disabled={!url.trim()} onClick={() => void add({ url: url.trim() })}>
          {t('lic.det.addUrl')}
        </button>
        {/* A real button opens the picker: a label around a hidden input cannot be reached with Tab. */}
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('lic.det.addFile')}
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          tabIndex={-1}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void file.arrayBuffer().then((buf) => add({ file: { name: file.name, contentBase64: toBase64(buf) } }));
          }}
        />
        <button type="button" disabled={!note.trim()} onClick={() => void add({})}>
          {t('lic.det.addNote')}
        </button>
      </div>
      {error && (
        <p className="bad" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
