import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackupList } from '../backups/BackupList';
import { ForgetJourneys } from '../backups/ForgetJourneys';
import { RestoreFromFile } from '../backups/RestoreFromFile';
import { UsbBackup } from '../backups/UsbBackup';
import '../backups/backups.css';
import '../transfer/move.css';
import { navigate } from '../router';

/**
 * "Sikkerhedskopier": the rolling backups on this computer (bring one back), a backup to a USB
 * stick under a passphrase (and back from one), and deleting a journey from the backups too.
 */
export function BackupsScreen() {
  const { t } = useTranslation();
  // Bumped by anything that changes the backups, so every list on the screen reads them again.
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);

  return (
    <div className="home" data-testid="backups-screen">
      <button type="button" className="button" onClick={() => navigate({ name: 'home' })}>
        ← {t('backups.back')}
      </button>
      <h1 className="page-title">{t('backups.title')}</h1>
      <p className="lead">{t('backups.intro')}</p>
      <div className="backups-sections">
        <BackupList version={version} onChanged={changed} />
        <UsbBackup />
        <RestoreFromFile onChanged={changed} />
        <ForgetJourneys version={version} onChanged={changed} />
      </div>
    </div>
  );
}
