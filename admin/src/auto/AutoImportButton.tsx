import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
    Alert,
    Box,
    Button as MuiButton,
    Chip,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    LinearProgress,
    Link,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import { useRef, useState, type ReactNode } from 'react';
import { Button, useCanAccess, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../providers/httpClient';
import { AutoValue } from './AutoValue';
import { templateUrl } from './fieldLogic';
import { downloadFile } from './download';
import {
    canConfirm,
    createColumns,
    errorFieldLabel,
    keyLabel,
    normalizePreview,
    uploadErrorLines,
    type ImportConfirmResult,
    type ImportPreview,
} from './importLogic';
import { pickLabel, resourceLabel } from './labels';
import type { ResourceMeta } from './types';

/** Shown when the resource can be imported and the operator has the right the server asks for. */
export const AutoImportButton = ({ meta }: { meta: ResourceMeta }) => {
    // The server guards import with create, or edit where the resource has no create.
    const action = meta.operations.create ? 'create' : 'edit';
    const { canAccess } = useCanAccess({ resource: meta.name, action });
    const translate = useTranslate();
    const [open, setOpen] = useState(false);
    if (!meta.operations.import || !canAccess) return null;
    return (
        <>
            <Button label={translate('auto.import.button')} onClick={() => setOpen(true)}>
                <UploadFileIcon />
            </Button>
            {open && <ImportDialog meta={meta} onClose={() => setOpen(false)} />}
        </>
    );
};

const TABLE_SX = { '& th': { fontWeight: 600, whiteSpace: 'nowrap', bgcolor: 'action.hover' } };

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
    <Box sx={{ mt: 2 }}>
        <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
            {title}
        </Typography>
        <Box sx={{ maxHeight: 260, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}>
            {children}
        </Box>
    </Box>
);

/**
 * Excel import in two steps: upload → the server checks every row and answers with a preview
 * (counts, errors, rows to create and to update) → confirm applies all rows or none, or
 * submits the batch for approval (复核) on resources that need it.
 */
const ImportDialog = ({ meta, onClose }: { meta: ResourceMeta; onClose: () => void }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const [locale] = useLocaleState();
    const { canAccess: canExport } = useCanAccess({ resource: meta.name, action: 'export' });
    const input = useRef<HTMLInputElement>(null);
    const [file, setFile] = useState<File | null>(null);
    const [busy, setBusy] = useState(false);
    const [problems, setProblems] = useState<string[]>([]);
    const [preview, setPreview] = useState<ImportPreview | null>(null);
    const label = resourceLabel(meta, locale);
    const fieldName = (name: string) => pickLabel(meta.fields.find((f) => f.name === name)?.label, locale, name);

    const reset = () => {
        setFile(null);
        setPreview(null);
        setProblems([]);
        if (input.current) input.current.value = '';
    };

    const upload = async () => {
        if (!file) return;
        setBusy(true);
        setProblems([]);
        try {
            const body = new FormData();
            body.append('file', file, file.name);
            const { json } = await httpClient(`${API_URL}/${meta.name}/import`, { method: 'POST', body });
            setPreview(normalizePreview(json));
        } catch (error) {
            setProblems(uploadErrorLines(error));
        } finally {
            setBusy(false);
        }
    };

    const confirm = async () => {
        if (!preview) return;
        setBusy(true);
        try {
            const { status, json } = await httpClient(`${API_URL}/${meta.name}/import/${preview.batch_id}/confirm`, {
                method: 'POST',
            });
            const result = (json ?? {}) as ImportConfirmResult;
            if (status === 202 || result.approval_id) {
                notify('auto.import.submitted', { type: 'info', messageArgs: { id: result.approval_id ?? '' } });
            } else {
                notify('auto.import.done', {
                    type: 'success',
                    messageArgs: { created: result.created ?? 0, updated: result.updated ?? 0 },
                });
            }
            refresh();
            onClose();
        } catch (error) {
            setProblems(uploadErrorLines(error));
        } finally {
            setBusy(false);
        }
    };

    const template = async () => {
        try {
            await downloadFile(
                templateUrl(API_URL, meta.name),
                `${meta.name}.xlsx`,
                translate('auto.import.template_name', { resource: label }),
            );
        } catch (error) {
            notify('app.export.failed', { type: 'error', messageArgs: { message: (error as Error).message } });
        }
    };

    const s = preview?.summary;
    return (
        <Dialog open onClose={busy ? undefined : onClose} maxWidth="lg" fullWidth aria-labelledby="auto-import-title">
            <DialogTitle id="auto-import-title">{translate('auto.import.title', { resource: label })}</DialogTitle>
            <DialogContent dividers>
                {!preview && (
                    <Stack spacing={2}>
                        <Typography variant="body2" color="text.secondary">
                            {translate('auto.import.hint', { key: keyLabel(meta, locale) })}
                        </Typography>
                        <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                            <MuiButton
                                variant="outlined"
                                component="label"
                                startIcon={<UploadFileIcon />}
                                disabled={busy}
                            >
                                {translate('auto.import.choose')}
                                <input
                                    ref={input}
                                    type="file"
                                    hidden
                                    accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                                    onChange={(e) => {
                                        setFile(e.target.files?.[0] ?? null);
                                        setProblems([]);
                                    }}
                                />
                            </MuiButton>
                            {file && <Typography variant="body2">{file.name}</Typography>}
                            {canExport && (
                                <Link component="button" type="button" variant="body2" onClick={template}>
                                    {translate('auto.import.template')}
                                </Link>
                            )}
                        </Stack>
                    </Stack>
                )}
                {busy && (
                    <Box sx={{ mt: 2 }}>
                        <LinearProgress />
                        {!preview && (
                            <Typography variant="caption" color="text.secondary">
                                {translate('auto.import.uploading')}
                            </Typography>
                        )}
                    </Box>
                )}
                {problems.length > 0 && (
                    <Alert severity="error" sx={{ mt: 2 }}>
                        {problems.map((line, i) => (
                            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of messages, shown once, never reordered
                            <div key={i}>{line}</div>
                        ))}
                    </Alert>
                )}
                {preview && s && (
                    <Box>
                        <Typography variant="body2" sx={{ mb: 1 }}>
                            {translate('auto.import.file', { name: preview.file_name })}
                        </Typography>
                        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
                            <Chip label={`${translate('auto.import.rows')} ${s.rows}`} />
                            <Chip
                                color="primary"
                                variant="outlined"
                                label={`${translate('auto.import.create')} ${s.create}`}
                            />
                            <Chip
                                color="info"
                                variant="outlined"
                                label={`${translate('auto.import.update')} ${s.update}`}
                            />
                            <Chip variant="outlined" label={`${translate('auto.import.unchanged')} ${s.unchanged}`} />
                            <Chip
                                color={s.errors ? 'error' : 'success'}
                                variant={s.errors ? 'filled' : 'outlined'}
                                label={`${translate('auto.import.errors')} ${s.errors}`}
                            />
                        </Stack>
                        {s.errors > 0 && (
                            <Alert severity="warning" sx={{ mt: 2 }}>
                                {translate('auto.import.fix_errors', { count: s.errors })}
                            </Alert>
                        )}
                        {s.errors === 0 && s.create + s.update === 0 && (
                            <Alert severity="info" sx={{ mt: 2 }}>
                                {translate('auto.import.nothing')}
                            </Alert>
                        )}
                        {preview.errors.length > 0 && (
                            <Section title={translate('auto.import.errors_title')}>
                                <Table size="small" stickyHeader sx={TABLE_SX}>
                                    <TableHead>
                                        <TableRow>
                                            <TableCell>{translate('auto.import.row')}</TableCell>
                                            <TableCell>{translate('auto.import.field')}</TableCell>
                                            <TableCell>{translate('auto.import.message')}</TableCell>
                                        </TableRow>
                                    </TableHead>
                                    <TableBody>
                                        {preview.errors.map((e, i) => (
                                            // biome-ignore lint/suspicious/noArrayIndexKey: the preview's error rows, never reordered (two may name the same row)
                                            <TableRow key={i}>
                                                <TableCell>{e.row}</TableCell>
                                                <TableCell>{errorFieldLabel(meta, e.field, locale)}</TableCell>
                                                <TableCell sx={{ color: 'error.main' }}>{e.message}</TableCell>
                                            </TableRow>
                                        ))}
                                    </TableBody>
                                </Table>
                            </Section>
                        )}
                        {preview.creates.length > 0 && (
                            <Section title={translate('auto.import.creates_title', { count: preview.creates.length })}>
                                <Table size="small" stickyHeader sx={TABLE_SX}>
                                    <TableHead>
                                        <TableRow>
                                            <TableCell>{translate('auto.import.row')}</TableCell>
                                            {createColumns(meta, preview.creates).map((f) => (
                                                <TableCell key={f.name}>{pickLabel(f.label, locale, f.name)}</TableCell>
                                            ))}
                                        </TableRow>
                                    </TableHead>
                                    <TableBody>
                                        {preview.creates.map((c) => (
                                            <TableRow key={c.row}>
                                                <TableCell>{c.row}</TableCell>
                                                {createColumns(meta, preview.creates).map((f) => (
                                                    <TableCell
                                                        key={f.name}
                                                        align={
                                                            f.type === 'decimal' || f.type === 'integer'
                                                                ? 'right'
                                                                : undefined
                                                        }
                                                    >
                                                        <AutoValue field={f} value={c.values[f.name]} />
                                                    </TableCell>
                                                ))}
                                            </TableRow>
                                        ))}
                                    </TableBody>
                                </Table>
                            </Section>
                        )}
                        {preview.updates.length > 0 && (
                            <Section title={translate('auto.import.updates_title', { count: preview.updates.length })}>
                                <Table size="small" stickyHeader sx={TABLE_SX}>
                                    <TableHead>
                                        <TableRow>
                                            <TableCell>{translate('auto.import.row')}</TableCell>
                                            <TableCell>{translate('auto.import.record')}</TableCell>
                                            <TableCell>{translate('auto.import.changes')}</TableCell>
                                        </TableRow>
                                    </TableHead>
                                    <TableBody>
                                        {preview.updates.map((u) => (
                                            <TableRow key={u.row}>
                                                <TableCell>{u.row}</TableCell>
                                                <TableCell>#{u.id}</TableCell>
                                                <TableCell>
                                                    {Object.keys(u.values).map((name) => {
                                                        const f = meta.fields.find((x) => x.name === name);
                                                        return (
                                                            <Box
                                                                key={name}
                                                                sx={{
                                                                    display: 'flex',
                                                                    gap: 1,
                                                                    flexWrap: 'wrap',
                                                                    alignItems: 'center',
                                                                }}
                                                            >
                                                                <Box component="span" sx={{ fontWeight: 600 }}>
                                                                    {fieldName(name)}:
                                                                </Box>
                                                                <Box
                                                                    component="span"
                                                                    sx={{
                                                                        color: 'error.main',
                                                                        textDecoration: 'line-through',
                                                                    }}
                                                                >
                                                                    {f ? (
                                                                        <AutoValue field={f} value={u.before?.[name]} />
                                                                    ) : (
                                                                        String(u.before?.[name] ?? '—')
                                                                    )}
                                                                </Box>
                                                                <span>→</span>
                                                                <Box component="span" sx={{ color: 'success.dark' }}>
                                                                    {f ? (
                                                                        <AutoValue field={f} value={u.values[name]} />
                                                                    ) : (
                                                                        String(u.values[name] ?? '—')
                                                                    )}
                                                                </Box>
                                                            </Box>
                                                        );
                                                    })}
                                                </TableCell>
                                            </TableRow>
                                        ))}
                                    </TableBody>
                                </Table>
                            </Section>
                        )}
                    </Box>
                )}
            </DialogContent>
            <DialogActions>
                <MuiButton onClick={onClose} disabled={busy}>
                    {translate('ra.action.cancel')}
                </MuiButton>
                {preview ? (
                    <>
                        <MuiButton onClick={reset} disabled={busy}>
                            {translate('auto.import.choose_again')}
                        </MuiButton>
                        {canConfirm(preview) && (
                            <MuiButton variant="contained" onClick={confirm} disabled={busy}>
                                {translate('auto.import.confirm')}
                            </MuiButton>
                        )}
                    </>
                ) : (
                    <MuiButton variant="contained" onClick={upload} disabled={busy || !file}>
                        {translate('auto.import.upload')}
                    </MuiButton>
                )}
            </DialogActions>
        </Dialog>
    );
};
