import { Alert, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { AutoValue } from '../auto/AutoValue';
import { pickLabel } from '../auto/labels';
import { useResourceMeta } from '../auto/meta';
import { approvalDiff, type Approval } from './approvalLogic';
import { RestoreApprovalNotice } from '../resources/backups/RestoreApprovalNotice';
import { nameRights } from '../resources/roles/pendingChange';
import { usePermissionCatalog } from '../resources/roles/usePermissionCatalog';

const rightsOf = (v: unknown): string[] =>
    v && typeof v === 'object' && Array.isArray((v as { permissions?: unknown }).permissions)
        ? ((v as { permissions: unknown[] }).permissions.filter((p) => typeof p === 'string') as string[])
        : [];

/** A change of a role's rights: the rights it adds and removes by name (客户 · 修改), as the role's page shows them. */
const RoleRightsDiff = ({ approval }: { approval: Approval }) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const { data: catalog } = usePermissionCatalog();
    const before = rightsOf(approval.before);
    const after = rightsOf(approval.payload);
    const flag = (v: unknown) =>
        v && typeof v === 'object' ? (v as { all_branches?: unknown }).all_branches : undefined;
    const reach = flag(approval.payload) !== undefined && flag(approval.payload) !== flag(approval.before);
    const row = (label: string, keys: string[], color: 'success' | 'error', testId: string) => (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }} data-testid={testId}>
            <Typography variant="body2" sx={{ fontWeight: 600, minWidth: 56, flexShrink: 0 }}>
                {translate(label)}
            </Typography>
            {keys.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                    {translate('resources.roles.pending.none')}
                </Typography>
            ) : (
                nameRights(keys, catalog ?? [], locale, (action) =>
                    translate(`permissions.actions.${action}`, { _: action }),
                ).map((r) => (
                    <Chip
                        key={r.key}
                        size="small"
                        variant="outlined"
                        color={color}
                        label={`${r.resource} · ${r.action}`}
                        title={r.key}
                        sx={{ mb: 0.5 }}
                    />
                ))
            )}
        </Stack>
    );
    return (
        <Stack spacing={1}>
            {row(
                'resources.roles.pending.added',
                after.filter((k) => !before.includes(k)),
                'success',
                'approval-rights-added',
            )}
            {row(
                'resources.roles.pending.removed',
                before.filter((k) => !after.includes(k)),
                'error',
                'approval-rights-removed',
            )}
            {reach && (
                <Typography variant="body2">
                    {translate(
                        flag(approval.payload)
                            ? 'resources.roles.pending.all_branches_on'
                            : 'resources.roles.pending.all_branches_off',
                    )}
                </Typography>
            )}
        </Stack>
    );
};

const plain = (value: unknown) =>
    value === null || value === undefined || value === ''
        ? '—'
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);

/** before vs payload of an approval, changed fields only, labelled from the resource's metadata. */
export const ApprovalDiffTable = (_props: { label?: string | false }) => {
    const record = useRecordContext<Approval>();
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const { getResource } = useResourceMeta();
    if (!record) return null;
    if (record.resource === 'roles' && record.operation === 'update') return <RoleRightsDiff approval={record} />;
    const meta = getResource(record.resource);
    const diff = approvalDiff(record, meta?.fields);
    if (diff.kind === 'import') {
        return (
            <Alert severity="info">
                {translate('auto.approvals.diff.import_summary', {
                    file: diff.file || '—',
                    create: diff.create,
                    update: diff.update,
                })}
            </Alert>
        );
    }
    if (diff.changes.length === 0) {
        return <Typography color="text.secondary">{translate('auto.approvals.diff.empty')}</Typography>;
    }
    const fieldLabel = (name: string, label?: { zh: string; en: string }) =>
        label ? pickLabel(label, locale, name) : translate(`resources.${record.resource}.fields.${name}`, { _: name });
    const showBefore = record.operation !== 'create' && record.operation !== 'restore';
    const showAfter = !diff.deleting;
    return (
        <>
            {record.operation === 'restore' && <RestoreApprovalNotice payload={record.payload} />}
            {diff.deleting && (
                <Alert severity="warning" sx={{ mb: 1 }}>
                    {translate('auto.approvals.diff.delete_notice')}
                </Alert>
            )}
            <Table
                size="small"
                sx={{ maxWidth: 960, '& th': { fontWeight: 600 } }}
                aria-label={translate('auto.approvals.diff.title')}
            >
                <TableHead>
                    <TableRow>
                        <TableCell sx={{ width: '24%' }}>{translate('auto.approvals.diff.field')}</TableCell>
                        {showBefore && <TableCell>{translate('auto.approvals.diff.before')}</TableCell>}
                        {showAfter && <TableCell>{translate('auto.approvals.diff.after')}</TableCell>}
                    </TableRow>
                </TableHead>
                <TableBody>
                    {diff.changes.map((change) => (
                        <TableRow key={change.name}>
                            <TableCell sx={{ fontWeight: 600 }} title={change.name}>
                                {fieldLabel(change.name, change.field?.label)}
                            </TableCell>
                            {showBefore && (
                                <TableCell sx={{ color: showAfter ? 'error.main' : undefined }}>
                                    {change.field ? (
                                        <AutoValue field={change.field} value={change.before} />
                                    ) : (
                                        plain(change.before)
                                    )}
                                </TableCell>
                            )}
                            {showAfter && (
                                <TableCell sx={{ color: 'success.dark' }}>
                                    {change.field ? (
                                        <AutoValue field={change.field} value={change.after} />
                                    ) : (
                                        plain(change.after)
                                    )}
                                </TableCell>
                            )}
                        </TableRow>
                    ))}
                </TableBody>
            </Table>
        </>
    );
};
