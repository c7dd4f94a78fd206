import type { z } from 'zod';
import type { licenseFlagsRecord } from '../../../../shared/contract/license';
import { useI18n } from '../../i18n';
// The badges also show in the document pane, which is drawn before the (lazily loaded) licences screen ever is.
import './licenses.css';

type Flags = z.infer<typeof licenseFlagsRecord>;

/** Use class and the duties a licence brings, as small badges. */
export function LicenseFlags({ flags, dim }: { flags: Flags; dim?: boolean }) {
  const { t } = useI18n();
  return (
    <span className={`lic-flags${dim ? ' muted' : ''}`}>
      <span className={`lic-badge lic-use-${flags.use}`}>{t(`lic.use.${flags.use}`)}</span>
      {flags.attribution && (
        <span className="lic-badge" title={t('lic.flag.attribution')}>
          BY
        </span>
      )}
      {flags.shareAlike && (
        <span className="lic-badge lic-sa" title={t('lic.flag.shareAlike', { f: flags.shareAlike })}>
          SA
        </span>
      )}
      {flags.noDerivatives && (
        <span className="lic-badge lic-nd" title={t('lic.flag.nd')}>
          ND
        </span>
      )}
      {flags.unclassified.length > 0 && (
        <span className="lic-badge lic-warn" title={t('lic.flag.unclassified', { ids: flags.unclassified.join(', ') })}>
          ?
        </span>
      )}
      {flags.conflicts.length > 0 && (
        <span className="lic-badge lic-bad" title={t('lic.flag.conflict', { c: flags.conflicts.join('; ') })}>
          !
        </span>
      )}
    </span>
  );
}
