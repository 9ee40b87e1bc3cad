import LockResetIcon from '@mui/icons-material/LockReset';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import {
    Button,
    useCanAccess,
    useDataProvider,
    useNotify,
    useRecordContext,
    useRefresh,
    type RaRecord,
    useTranslate,
} from 'react-admin';
import type { AppDataProvider } from '../../providers/dataProvider';

/** 重置密码: the administrator sets a temporary password the operator must change at next sign-in. */
/**
 * Renders nothing until the record is loaded: a rights check without a record would share
 * react-admin's own query key for the edit page's access check, and an abandoned one leaves
 * the edit page waiting forever (useIsAuthPending).
 */
export const ResetOperatorPasswordButton = () => {
    const record = useRecordContext();
    return record ? <ResetOperatorPasswordAction record={record} /> : null;
};

const ResetOperatorPasswordAction = ({ record }: { record: RaRecord }) => {
    const { canAccess } = useCanAccess({ resource: 'operators', action: 'edit', record });
    const dataProvider = useDataProvider<AppDataProvider>();
    const notify = useNotify();
    const refresh = useRefresh();
    const translate = useTranslate();
    const [open, setOpen] = useState(false);
    const [password, setPassword] = useState('');
    const [fieldError, setFieldError] = useState<string | null>(null);
    const [saving, setSaving] = useState(false);
    if (!canAccess) return null;

    const close = () => {
        setOpen(false);
        setPassword('');
        setFieldError(null);
    };

    const submit = async (event: FormEvent) => {
        event.preventDefault();
        if (!password) {
            setFieldError(translate('ra.validation.required'));
            return;
        }
        setSaving(true);
        try {
            await dataProvider.resetOperatorPassword(record.id, password);
            notify('resources.operators.messages.password_reset', { type: 'success' });
            close();
            refresh();
        } catch (error) {
            // The server explains a weak password in fields.password (already localized).
            const fields = (error as { body?: { error?: { fields?: Record<string, string> } } }).body?.error?.fields;
            setFieldError(fields?.password ?? null);
            notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
        } finally {
            setSaving(false);
        }
    };

    return (
        // biome-ignore lint/a11y: a wrapper that only keeps clicks from reaching the list row (dialogs render in a portal, React events still bubble); the Button inside is the control
        <span onClick={(e) => e.stopPropagation()}>
            <Button label="resources.operators.actions.reset_password" onClick={() => setOpen(true)}>
                <LockResetIcon />
            </Button>
            <Dialog open={open} onClose={close} maxWidth="xs" fullWidth>
                <form onSubmit={submit} noValidate>
                    <DialogTitle>
                        {translate('resources.operators.messages.reset_password_title', { name: record.name })}
                    </DialogTitle>
                    <DialogContent>
                        <DialogContentText sx={{ mb: 2 }}>
                            {translate('resources.operators.messages.reset_password_content')}
                        </DialogContentText>
                        <TextField
                            autoFocus
                            fullWidth
                            type="password"
                            autoComplete="new-password"
                            name="password"
                            label={translate('resources.operators.messages.new_password')}
                            value={password}
                            onChange={(e) => {
                                setPassword(e.target.value);
                                setFieldError(null);
                            }}
                            error={!!fieldError}
                            helperText={fieldError ?? ' '}
                        />
                    </DialogContent>
                    <DialogActions>
                        <Button label="ra.action.cancel" onClick={close} disabled={saving} />
                        <Button label="ra.action.confirm" type="submit" variant="contained" disabled={saving} />
                    </DialogActions>
                </form>
            </Dialog>
        </span>
    );
};
