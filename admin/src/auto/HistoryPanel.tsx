import {
    Alert,
    Box,
    LinearProgress,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../providers/httpClient';
import { AutoValue } from './AutoValue';
import { changedFields, type FieldChange } from './fieldLogic';
import { detailText, historyActionKey, isDeleteSubmission, sortHistory } from './historyLogic';
import { pickLabel } from './labels';
import type { HistoryEntry, ResourceMeta } from './types';

/** Local time of an audit timestamp (stored in UTC), 24-hour clock. */
export const localTime = (iso: string, locale: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime())
        ? iso
        : d.toLocaleString(locale, {
              year: 'numeric',
              month: '2-digit',
              day: '2-digit',
              hour: '2-digit',
              minute: '2-digit',
              second: '2-digit',
              hour12: false,
          });
};

const useRecordHistory = (resource: string, id: unknown, version: unknown) => {
    const [state, setState] = useState<{ rows?: HistoryEntry[]; error?: string }>({});
    // biome-ignore lint/correctness/useExhaustiveDependencies: the version is the reload trigger: it changes when the record does
    useEffect(() => {
        if (id === undefined || id === null) return;
        let live = true;
        setState((previous) => ({ rows: previous.rows }));
        httpClient(`${API_URL}/${resource}/${encodeURIComponent(String(id))}/history`).then(
            ({ json }) => live && setState({ rows: sortHistory(Array.isArray(json) ? json : []) }),
            (error) => live && setState({ error: (error as Error).message }),
        );
        return () => {
            live = false;
        };
        // the version changes when the record does: reload then
    }, [resource, id, version]);
    return state;
};

const ChangeLine = ({ change, locale }: { change: FieldChange; locale: string }) => {
    const label = change.field ? pickLabel(change.field.label, locale, change.name) : change.name;
    const show = (value: unknown) =>
        change.field ? <AutoValue field={change.field} value={value} /> : value == null ? '—' : String(value);
    return (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', py: 0.25 }}>
            <Box component="span" sx={{ fontWeight: 600, minWidth: 96 }}>
                {label}
            </Box>
            {change.before !== undefined && (
                <Box component="span" sx={{ color: 'error.main' }}>
                    {show(change.before)}
                </Box>
            )}
            {change.before !== undefined && change.after !== undefined && <span aria-hidden>→</span>}
            {change.after !== undefined && (
                <Box component="span" sx={{ color: 'success.dark' }}>
                    {show(change.after)}
                </Box>
            )}
        </Box>
    );
};

/** "Change history" of a record: who did what when, newest first, with the fields each change touched. */
export const HistoryPanel = ({ meta }: { meta: ResourceMeta; label?: false }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const { rows, error } = useRecordHistory(meta.name, record?.id, record?.version);
    if (!record) return null;
    if (error) return <Alert severity="error">{translate('auto.common.load_failed', { message: error })}</Alert>;
    if (!rows) return <LinearProgress sx={{ my: 2 }} />;
    if (rows.length === 0) {
        return (
            <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
                {translate('auto.history.empty')}
            </Typography>
        );
    }
    return (
        <Table
            size="small"
            sx={{ '& th': { fontWeight: 600, whiteSpace: 'nowrap' }, '& td': { verticalAlign: 'top' } }}
        >
            <TableHead>
                <TableRow>
                    <TableCell>{translate('auto.history.at')}</TableCell>
                    <TableCell>{translate('auto.history.operator')}</TableCell>
                    <TableCell>{translate('auto.history.action')}</TableCell>
                    <TableCell sx={{ width: '50%' }}>{translate('auto.history.changes')}</TableCell>
                    <TableCell>{translate('auto.history.detail')}</TableCell>
                </TableRow>
            </TableHead>
            <TableBody>
                {rows.map((row) => {
                    const changes = changedFields(meta.fields, row.before, row.after);
                    return (
                        <TableRow key={row.id}>
                            <TableCell sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                                {localTime(row.at, locale)}
                            </TableCell>
                            <TableCell>{row.username ?? (row.operator_id ? `#${row.operator_id}` : '—')}</TableCell>
                            <TableCell sx={{ whiteSpace: 'nowrap' }}>
                                {translate(historyActionKey(row.action), { _: row.action })}
                            </TableCell>
                            <TableCell>
                                {isDeleteSubmission(row) ? (
                                    <Typography variant="body2" color="warning.main">
                                        {translate('auto.history.delete_requested')}
                                    </Typography>
                                ) : changes.length === 0 ? (
                                    <Typography variant="body2" color="text.secondary">
                                        {translate('auto.history.no_changes')}
                                    </Typography>
                                ) : (
                                    changes.map((change) => (
                                        <ChangeLine key={change.name} change={change} locale={locale} />
                                    ))
                                )}
                            </TableCell>
                            <TableCell sx={{ color: 'text.secondary' }}>{detailText(row.detail, translate)}</TableCell>
                        </TableRow>
                    );
                })}
            </TableBody>
        </Table>
    );
};
