import { Alert, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { AutoValue } from '../auto/AutoValue';
import { pickLabel } from '../auto/labels';
import { useResourceMeta } from '../auto/meta';
import { approvalDiff, type Approval } from './approvalLogic';
import { RestoreApprovalNotice } from '../resources/backups/RestoreApprovalNotice';

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
