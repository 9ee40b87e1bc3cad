import { Alert, Link as MuiLink } from '@mui/material';
import { Link } from 'react-router-dom';
import { useCanAccess, useCreatePath, useGetList, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import type { ResourceMeta } from './types';

/**
 * On a resource under 复核: says when the record already has a change waiting for approval
 * (the server refuses another one with 409 PENDING_APPROVAL until it is decided).
 */
export const PendingApprovalNotice = ({ meta }: { meta: ResourceMeta }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    const createPath = useCreatePath();
    const { canAccess } = useCanAccess({ resource: 'approvals', action: 'list' });
    const { data } = useGetList<RaRecord & { record_id: string | null }>(
        'approvals',
        {
            filter: { resource: meta.name, status: 'pending' },
            pagination: { page: 1, perPage: 100 },
            sort: { field: 'created_at', order: 'DESC' },
        },
        { enabled: meta.approval && !!canAccess && record?.id != null },
    );
    const pending = record ? data?.find((a) => a.record_id === String(record.id)) : undefined;
    if (!pending) return null;
    return (
        <Alert severity="warning" sx={{ mb: 1 }}>
            {translate('auto.approval.pending_notice', { id: pending.id })}{' '}
            <MuiLink component={Link} to={createPath({ resource: 'approvals', id: pending.id, type: 'show' })}>
                {translate('auto.approval.open_pending')}
            </MuiLink>
        </Alert>
    );
};
