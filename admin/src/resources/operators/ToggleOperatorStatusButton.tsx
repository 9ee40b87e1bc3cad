import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { useState } from 'react';
import {
    Confirm,
    useCanAccess,
    useDataProvider,
    useNotify,
    useRecordContext,
    useRefresh,
    type RaRecord,
} from 'react-admin';
import { DialogButton } from '../../components/DialogButton';
import type { AppDataProvider } from '../../providers/dataProvider';

/** 停用 / 启用: a confirmed action, not a field edit, so the server can end the operator's sessions. */
/**
 * Renders nothing until the record is loaded: a rights check without a record would share
 * react-admin's own query key for the edit page's access check, and an abandoned one leaves
 * the edit page waiting forever (useIsAuthPending).
 */
export const ToggleOperatorStatusButton = () => {
    const record = useRecordContext();
    return record ? <ToggleOperatorStatusAction record={record} /> : null;
};

const ToggleOperatorStatusAction = ({ record }: { record: RaRecord }) => {
    const { canAccess } = useCanAccess({ resource: 'operators', action: 'edit', record });
    const dataProvider = useDataProvider<AppDataProvider>();
    const notify = useNotify();
    const refresh = useRefresh();
    const [loading, setLoading] = useState(false);
    if (!canAccess) return null;

    const disabling = record.status === 'active';
    const prefix = 'resources.operators.messages';
    const run = async (close: () => void) => {
        setLoading(true);
        try {
            await (disabling ? dataProvider.disableOperator(record.id) : dataProvider.enableOperator(record.id));
            notify(`${prefix}.${disabling ? 'disabled' : 'enabled'}`, { type: 'success' });
            refresh();
        } catch (error) {
            notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
        } finally {
            setLoading(false);
            close();
        }
    };

    return (
        <DialogButton
            label={`resources.operators.actions.${disabling ? 'disable' : 'enable'}`}
            color={disabling ? 'error' : 'primary'}
            icon={disabling ? <BlockIcon /> : <CheckCircleIcon />}
            dialog={(close) => (
                <Confirm
                    isOpen
                    loading={loading}
                    title={`${prefix}.${disabling ? 'confirm_disable_title' : 'confirm_enable_title'}`}
                    titleTranslateOptions={{ name: record.name }}
                    content={`${prefix}.${disabling ? 'confirm_disable_content' : 'confirm_enable_content'}`}
                    confirmColor={disabling ? 'warning' : 'primary'}
                    onConfirm={() => run(close)}
                    onClose={close}
                />
            )}
        />
    );
};
