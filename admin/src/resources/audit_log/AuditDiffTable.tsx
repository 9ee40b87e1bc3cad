import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { diffRows, formatValue, isIsoTimestamp } from './auditDiff';

/** before/after of an audit row as a field table; changed lines are highlighted. */
export const AuditDiffTable = (_props: { label?: string; className?: string }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    const [locale] = useLocaleState();
    if (!record) return null;
    const rows = diffRows(record.before, record.after);
    if (rows.length === 0) {
        return <Typography variant="body2">{translate('resources.audit_log.diff.empty')}</Typography>;
    }
    const labels = { yes: translate('app.common.yes'), no: translate('app.common.no') };
    // Coded values with words of their own (e.g. status "active" → 正常) use the resource's labels.
    const show = (field: string, value: unknown) => {
        if (isIsoTimestamp(value)) return new Date(value).toLocaleString(locale, { hour12: false });
        if (typeof value === 'string' && /^[a-z_]+$/.test(value)) {
            return translate(`resources.${record.resource}.${field}.${value}`, { _: value });
        }
        return formatValue(value, labels);
    };
    // Field names are the audited resource's own columns, so its i18n labels apply.
    const fieldLabel = (field: string) => translate(`resources.${record.resource}.fields.${field}`, { _: field });

    return (
        <Table size="small" sx={{ maxWidth: 960 }} aria-label={translate('resources.audit_log.diff.title')}>
            <TableHead>
                <TableRow>
                    <TableCell sx={{ width: '20%' }}>{translate('resources.audit_log.diff.field')}</TableCell>
                    <TableCell sx={{ width: '40%' }}>{translate('resources.audit_log.diff.before')}</TableCell>
                    <TableCell sx={{ width: '40%' }}>{translate('resources.audit_log.diff.after')}</TableCell>
                </TableRow>
            </TableHead>
            <TableBody>
                {rows.map((row) => (
                    <TableRow
                        key={row.field}
                        data-changed={row.changed || undefined}
                        sx={row.changed ? { bgcolor: 'rgba(255, 193, 7, 0.18)' } : undefined}
                    >
                        <TableCell sx={{ fontWeight: row.changed ? 600 : undefined }} title={row.field}>
                            {fieldLabel(row.field)}
                        </TableCell>
                        <TableCell sx={{ wordBreak: 'break-word', color: row.changed ? 'error.main' : undefined }}>
                            {show(row.field, row.before)}
                        </TableCell>
                        <TableCell sx={{ wordBreak: 'break-word', color: row.changed ? 'success.dark' : undefined }}>
                            {show(row.field, row.after)}
                        </TableCell>
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    );
};
