import RestoreIcon from '@mui/icons-material/Restore';
import { Alert, DialogContentText } from '@mui/material';
import { useCanAccess, useLocaleState, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { DialogButton } from '../../components/DialogButton';
import { TextPromptDialog } from '../../components/TextPromptDialog';
import { API_URL, httpClient } from '../../providers/httpClient';
import { errorText, fieldMessage } from '../clients/serverError';
import { restoreState, type BackupRow } from './backupLogic';

/**
 * 恢复: asks for the whole database to go back to this snapshot. Nothing is restored yet: the
 * server files an approval that a second operator must approve (复核), and the dialog says what
 * approving it will do — every later posting undone, everyone signed out.
 */
export const RestoreBackupButton = () => {
    const record = useRecordContext<BackupRow>();
    const { canAccess } = useCanAccess({ resource: 'backups', action: 'run' });
    if (!record || !canAccess || restoreState(record) !== 'ready') return null;
    return (
        <DialogButton
            label="resources.backups.restore.button"
            color="warning"
            icon={<RestoreIcon />}
            dialog={(close) => <RestoreDialog backup={record} onClose={close} />}
        />
    );
};

const RestoreDialog = ({ backup, onClose }: { backup: BackupRow; onClose: () => void }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const [locale] = useLocaleState();
    return (
        <TextPromptDialog
            title={translate('resources.backups.restore.title', { id: backup.id })}
            field={{ name: 'reason', label: translate('resources.backups.restore.reason'), maxLength: 500 }}
            submitLabel="resources.backups.restore.submit"
            color="warning"
            send={async (reason) =>
                (
                    await httpClient(`${API_URL}/backups/${encodeURIComponent(String(backup.id))}/restore`, {
                        method: 'POST',
                        body: JSON.stringify({ reason }),
                    })
                ).json
            }
            onSent={(json) => {
                notify('resources.backups.restore.submitted', {
                    type: 'info',
                    messageArgs: { id: json?.approval_id },
                    autoHideDuration: 10000,
                });
                refresh();
            }}
            // a damaged or missing file, another schema version, a restore already waiting…
            refusal={(error) => fieldMessage(error, 'reason') ?? errorText(error, ['reason'])}
            onClose={onClose}
        >
            <DialogContentText sx={{ mb: 2 }}>
                {translate('resources.backups.restore.what', {
                    kind: translate(`resources.backups.kinds.${backup.kind}`),
                    date: backup.business_date,
                    time: new Date(backup.created_at).toLocaleString(locale),
                })}
            </DialogContentText>
            <Alert severity="warning" sx={{ mb: 2 }}>
                {translate('resources.backups.restore.warning')}
            </Alert>
            <DialogContentText sx={{ mb: 2 }}>{translate('resources.backups.restore.approval')}</DialogContentText>
        </TextPromptDialog>
    );
};
