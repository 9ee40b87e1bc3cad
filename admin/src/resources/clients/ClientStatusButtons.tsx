import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import HighlightOffIcon from '@mui/icons-material/HighlightOff';
import ReportIcon from '@mui/icons-material/Report';
import { useState, type ReactElement } from 'react';
import {
    Button,
    Confirm,
    useCanAccess,
    useNotify,
    useRecordContext,
    useRefresh,
    useTranslate,
    type RaRecord,
} from 'react-admin';
import { API_URL, httpClient } from '../../providers/httpClient';
import { statusActions, type StatusAction } from './clientChoices';
import { errorText } from './serverError';

const ICONS: Record<StatusAction['action'], ReactElement> = {
    freeze: <BlockIcon />,
    report_lost: <ReportIcon />,
    unfreeze: <CheckCircleIcon />,
    cancel_lost: <CheckCircleIcon />,
    close: <HighlightOffIcon />,
};

/**
 * 冻结 / 挂失 / 解冻 / 解除挂失 / 销户: confirmed actions, not field edits. Renders nothing until
 * the record is loaded (a rights check without a record would share react-admin's own query key
 * for the page's access check).
 */
export const ClientStatusButtons = () => {
    const record = useRecordContext();
    return record ? <ClientStatusActions record={record} /> : null;
};

const ClientStatusActions = ({ record }: { record: RaRecord }) => {
    const { canAccess } = useCanAccess({ resource: 'clients', action: 'edit', record });
    if (!canAccess) return null;
    return (
        <>
            {statusActions(record.status).map((action) => (
                <StatusButton key={action.action} record={record} action={action} />
            ))}
        </>
    );
};

const StatusButton = ({ record, action }: { record: RaRecord; action: StatusAction }) => {
    const notify = useNotify();
    const refresh = useRefresh();
    const translate = useTranslate();
    const [open, setOpen] = useState(false);
    const [loading, setLoading] = useState(false);
    const dangerous = action.target !== 'normal';

    const run = async () => {
        setLoading(true);
        try {
            await httpClient(`${API_URL}/clients/${encodeURIComponent(String(record.id))}/status`, {
                method: 'POST',
                body: JSON.stringify({ status: action.target, version: record.version }),
            });
            notify('resources.clients.messages.status_changed', {
                type: 'success',
                messageArgs: { status: translate(`resources.clients.status.${action.target}`) },
            });
            refresh();
        } catch (error) {
            // e.g. 销户 with cash left: fields.status says so; a stale version says reload.
            const message = errorText(error);
            notify(message, { type: 'error', messageArgs: { _: message } });
        } finally {
            setLoading(false);
            setOpen(false);
        }
    };

    const prefix = `resources.clients.status_dialog.${action.action}`;
    return (
        // biome-ignore lint/a11y: a wrapper that only keeps clicks from reaching the list row (dialogs render in a portal, React events still bubble); the Button inside is the control
        <span onClick={(e) => e.stopPropagation()}>
            <Button
                label={`resources.clients.actions.${action.action}`}
                color={action.target === 'closed' ? 'error' : dangerous ? 'warning' : 'primary'}
                onClick={() => setOpen(true)}
            >
                {ICONS[action.action]}
            </Button>
            <Confirm
                isOpen={open}
                loading={loading}
                title={`${prefix}.title`}
                titleTranslateOptions={{ name: record.name }}
                content={`${prefix}.content`}
                confirmColor={dangerous ? 'warning' : 'primary'}
                onConfirm={run}
                onClose={() => setOpen(false)}
            />
        </span>
    );
};
