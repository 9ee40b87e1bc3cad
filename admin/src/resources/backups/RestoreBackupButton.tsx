import RestoreIcon from '@mui/icons-material/Restore';
import { Alert, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import {
    Button,
    useCanAccess,
    useLocaleState,
    useNotify,
    useRecordContext,
    useRefresh,
    useTranslate,
} from 'react-admin';
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
    const [open, setOpen] = useState(false);
    if (!record || !canAccess || restoreState(record) !== 'ready') return null;
    return (
        // biome-ignore lint/a11y: a wrapper that only keeps clicks from reaching the list row (dialogs render in a portal, React events still bubble); the Button inside is the control
        <span onClick={(e) => e.stopPropagation()}>
            <Button label="resources.backups.restore.button" color="warning" onClick={() => setOpen(true)}>
                <RestoreIcon />
            </Button>
            {open && <RestoreDialog backup={record} onClose={() => setOpen(false)} />}
        </span>
    );
};

const RestoreDialog = ({ backup, onClose }: { backup: BackupRow; onClose: () => void }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const [locale] = useLocaleState();
    const [reason, setReason] = useState('');
    const [problem, setProblem] = useState<string | null>(null);
    const [saving, setSaving] = useState(false);

    const submit = async (event: FormEvent) => {
        event.preventDefault();
        if (!reason.trim()) {
            setProblem(translate('ra.validation.required'));
            return;
        }
        setSaving(true);
        try {
            const { json } = await httpClient(`${API_URL}/backups/${encodeURIComponent(String(backup.id))}/restore`, {
                method: 'POST',
                body: JSON.stringify({ reason: reason.trim() }),
            });
            notify('resources.backups.restore.submitted', {
                type: 'info',
                messageArgs: { id: json?.approval_id },
                autoHideDuration: 10000,
            });
            refresh();
            onClose();
        } catch (error) {
            // a damaged or missing file, another schema version, a restore already waiting…
            setProblem(fieldMessage(error, 'reason') ?? errorText(error, ['reason']));
            setSaving(false);
        }
    };

    return (
        <Dialog open onClose={saving ? undefined : onClose} maxWidth="sm" fullWidth>
            <form onSubmit={submit} noValidate>
                <DialogTitle>{translate('resources.backups.restore.title', { id: backup.id })}</DialogTitle>
                <DialogContent>
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
                    <DialogContentText sx={{ mb: 2 }}>
                        {translate('resources.backups.restore.approval')}
                    </DialogContentText>
                    <TextField
                        autoFocus
                        fullWidth
                        required
                        name="reason"
                        label={translate('resources.backups.restore.reason')}
                        value={reason}
                        slotProps={{ htmlInput: { maxLength: 500 } }}
                        onChange={(e) => {
                            setReason(e.target.value);
                            setProblem(null);
                        }}
                        error={!!problem}
                        helperText={problem ?? ' '}
                    />
                </DialogContent>
                <DialogActions>
                    <Button label="ra.action.cancel" onClick={onClose} disabled={saving} />
                    <Button
                        label="resources.backups.restore.submit"
                        type="submit"
                        variant="contained"
                        color="warning"
                        disabled={saving}
                    />
                </DialogActions>
            </form>
        </Dialog>
    );
};
