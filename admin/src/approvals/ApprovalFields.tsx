import { Chip, Link as MuiLink } from '@mui/material';
import { Link } from 'react-router-dom';
import { useCreatePath, useLocaleState, useRecordContext, useResourceDefinitions, useTranslate } from 'react-admin';
import { resourceLabel } from '../auto/labels';
import { useResourceMeta } from '../auto/meta';
import { approvalTarget, STATUS_COLORS, type Approval } from './approvalLogic';

/** The name of a resource: declared label from the metadata, else the app's own translation. */
export const useResourceName = () => {
    const { getResource } = useResourceMeta();
    const [locale] = useLocaleState();
    const translate = useTranslate();
    return (resource: string) => {
        const meta = getResource(resource);
        return meta
            ? resourceLabel(meta, locale)
            : translate(`resources.${resource}.name`, { smart_count: 1, _: resource });
    };
};

type FieldProps = { label?: string; source?: string; sortable?: boolean; sortBy?: string };

export const ApprovalResourceField = (_props: FieldProps) => {
    const record = useRecordContext<Approval>();
    const name = useResourceName();
    return record ? name(record.resource) : null;
};

export const ApprovalOperationField = (_props: FieldProps) => {
    const record = useRecordContext<Approval>();
    const translate = useTranslate();
    return record ? translate(`auto.approvals.operations.${record.operation}`, { _: record.operation }) : null;
};

export const ApprovalStatusField = (_props: FieldProps) => {
    const record = useRecordContext<Approval>();
    const translate = useTranslate();
    if (!record) return null;
    return (
        <Chip
            size="small"
            color={STATUS_COLORS[record.status] ?? 'default'}
            variant={record.status === 'pending' ? 'filled' : 'outlined'}
            label={translate(`auto.approvals.status.${record.status}`, { _: record.status })}
        />
    );
};

/**
 * The record the approval is about, linked to its page when that exists and can be opened; a
 * change of rights (roles) is named by its summary (the role's name, "operator ← roles").
 */
export const ApprovalRecordField = (_props: FieldProps) => {
    const record = useRecordContext<Approval>();
    const createPath = useCreatePath();
    const definitions = useResourceDefinitions();
    if (!record) return null;
    const target = approvalTarget(record);
    const named = record.resource === 'roles' && record.summary ? record.summary : null;
    const shown = named ?? record.record_id ?? record.result_id;
    if (!shown) return <>—</>;
    if (!target || !definitions[target.resource]?.hasShow) return <>{shown}</>;
    return (
        <MuiLink
            component={Link}
            to={createPath({ resource: target.resource, id: target.id, type: 'show' })}
            onClick={(e) => e.stopPropagation()}
            underline="hover"
        >
            {named ?? `#${target.id}`}
        </MuiLink>
    );
};
