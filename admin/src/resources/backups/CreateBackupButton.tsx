import BackupIcon from '@mui/icons-material/Backup';
import {
    Dialog,
    DialogActions,
    DialogContent,
    DialogContentText,
    DialogTitle,
    LinearProgress,
    TextField,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Button, useCanAccess, useNotify, useRefresh, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../../providers/httpClient';
import { errorText, fieldMessage } from '../clients/serverError';
import { megabytes } from './backupLogic';

/** 立即备份: a manual snapshot of the whole database, with a note saying why. */
export const CreateBackupButton = () => {
    const { canAccess } = useCanAccess({ resource: 'backups', action: 'create' });
    const [open, setOpen] = useState(false);
    if (!canAccess) return null;
    return (
        <>
            <Button label="resources.backups.create.button" variant="contained" onClick={() => setOpen(true)}>
                <BackupIcon />
            </Button>
            {open && <CreateBackupDialog onClose={() => setOpen(false)} />}
        </>
    );
};

const CreateBackupDialog = ({ onClose }: { onClose: () => void }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const [note, setNote] = useState('');
    const [problem, setProblem] = useState<string | null>(null);
    const [busy, setBusy] = useState(false);

    const submit = async (event: FormEvent) => {
        event.preventDefault();
        if (!note.trim()) {
            setProblem(translate('ra.validation.required'));
            return;
        }
        setBusy(true);
        try {
            const { json } = await httpClient(`${API_URL}/backups`, {
                method: 'POST',
                body: JSON.stringify({ note: note.trim() }),
            });
            notify('resources.backups.create.done', {
                type: 'success',
                messageArgs: { file: json.file, size: megabytes(json.bytes) },
            });
            refresh();
            onClose();
        } catch (error) {
            // no pg_dump on the server, a full disk…: the server words it
            setProblem(fieldMessage(error, 'note') ?? errorText(error, ['note']));
            setBusy(false);
        }
    };

    return (
        <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth>
            <form onSubmit={submit} noValidate>
                <DialogTitle>{translate('resources.backups.create.title')}</DialogTitle>
                <DialogContent>
                    <DialogContentText sx={{ mb: 2 }}>
                        {translate('resources.backups.create.content')}
                    </DialogContentText>
                    <TextField
                        autoFocus
                        fullWidth
                        required
                        name="note"
                        label={translate('resources.backups.create.note')}
                        value={note}
                        disabled={busy}
                        slotProps={{ htmlInput: { maxLength: 200 } }}
                        onChange={(e) => {
                            setNote(e.target.value);
                            setProblem(null);
                        }}
                        error={!!problem}
                        helperText={problem ?? ' '}
                    />
                    {busy && <LinearProgress />}
                </DialogContent>
                <DialogActions>
                    <Button label="ra.action.cancel" onClick={onClose} disabled={busy} />
                    <Button label="resources.backups.create.submit" type="submit" variant="contained" disabled={busy} />
                </DialogActions>
            </form>
        </Dialog>
    );
};
