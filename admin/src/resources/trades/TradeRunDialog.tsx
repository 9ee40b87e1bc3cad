import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, Stack } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Button, useRefresh, useTranslate } from 'react-admin';
import { ImportResultView } from './ImportResultView';
import type { ImportResult } from './tradeImport';

/**
 * The dialog of 成交回报导入 and 模拟撮合: both end in the same import (recorded, duplicates,
 * unmatched lines), shown below the inputs; the list behind refreshes. The inputs are the
 * caller's; `clear` forgets a shown result when they change; `busy` while the request runs.
 */
export const TradeRunDialog = ({
    title,
    submitLabel,
    ready,
    problem,
    run,
    onDone,
    onClose,
    children,
}: {
    title: string;
    submitLabel: string;
    /** the inputs are complete */
    ready: boolean;
    /** what is wrong with the inputs before anything is sent (a file too large) */
    problem?: string | null;
    run: () => Promise<ImportResult>;
    onDone: (result: ImportResult) => void;
    onClose: () => void;
    children: (clear: () => void, busy: boolean) => ReactNode;
}) => {
    const translate = useTranslate();
    const refresh = useRefresh();
    const mutation = useMutation({
        mutationFn: run,
        onSuccess: (result) => {
            onDone(result);
            refresh();
        },
    });
    const busy = mutation.isPending;
    const result = mutation.data ?? null;
    const failed = mutation.error
        ? ((mutation.error as { body?: { error?: { fields?: Record<string, string> } } }).body?.error?.fields?.file ??
          (mutation.error.message || translate('ra.notification.http_error')))
        : null;
    const error = problem ?? failed;
    return (
        <Dialog open onClose={busy ? undefined : onClose} maxWidth="md" fullWidth>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent>
                <Stack spacing={2}>
                    {children(() => mutation.reset(), busy)}
                    {busy && <LinearProgress />}
                    {error && <Alert severity="error">{error}</Alert>}
                    {result && <ImportResultView result={result} />}
                </Stack>
            </DialogContent>
            <DialogActions>
                <Button label="ra.action.close" onClick={onClose} disabled={busy} />
                <Button
                    label={submitLabel}
                    variant="contained"
                    onClick={() => mutation.mutate()}
                    disabled={!ready || busy || !!problem || !!result}
                />
            </DialogActions>
        </Dialog>
    );
};
