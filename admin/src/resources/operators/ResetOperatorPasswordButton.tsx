import LockResetIcon from '@mui/icons-material/LockReset';
import { DialogContentText } from '@mui/material';
import {
    useCanAccess,
    useDataProvider,
    useNotify,
    useRecordContext,
    useRefresh,
    useTranslate,
    type RaRecord,
} from 'react-admin';
import { DialogButton } from '../../components/DialogButton';
import { TextPromptDialog } from '../../components/TextPromptDialog';
import type { AppDataProvider } from '../../providers/dataProvider';

/**
 * 重置密码: the administrator sets a temporary password the operator must change at next sign-in.
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
    if (!canAccess) return null;
    return (
        <DialogButton
            label="resources.operators.actions.reset_password"
            icon={<LockResetIcon />}
            dialog={(close) => (
                <TextPromptDialog
                    title={translate('resources.operators.messages.reset_password_title', { name: record.name })}
                    field={{
                        name: 'password',
                        label: translate('resources.operators.messages.new_password'),
                        secret: true,
                    }}
                    submitLabel="ra.action.confirm"
                    maxWidth="xs"
                    send={(password) => dataProvider.resetOperatorPassword(record.id, password)}
                    onSent={() => {
                        notify('resources.operators.messages.password_reset', { type: 'success' });
                        refresh();
                    }}
                    refusal={(error) => {
                        notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
                        // the server explains a weak password in fields.password (already localized)
                        return (
                            (error as { body?: { error?: { fields?: Record<string, string> } } }).body?.error?.fields
                                ?.password ?? null
                        );
                    }}
                    onClose={close}
                >
                    <DialogContentText sx={{ mb: 2 }}>
                        {translate('resources.operators.messages.reset_password_content')}
                    </DialogContentText>
                </TextPromptDialog>
            )}
        />
    );
};
