import { Alert, AlertTitle, Card, CardContent, Checkbox, FormControlLabel, Stack, Typography } from '@mui/material';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Confirm, useCanAccess, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import { httpClient } from '../../providers/httpClient';
import { acknowledgement, warningMessage, type PrecheckWarning } from './precheckWarnings';
import { DayEndProgressPanel, useDayEndProgress } from './DayEndProgress';

interface Precheck {
    business_date: string;
    open_orders: number;
    trades: number;
    invariants_hold: boolean;
    violations: string[];
    warnings: PrecheckWarning[];
}

/**
 * Above the run history: what tonight's run will meet, and the button that starts it. Each
 * warning (no trade report imported, a bank not reconciled) has its checkbox; the button waits
 * until every one is ticked, and the run request names them (the server refuses a run that leaves
 * one out). While the run goes, its progress shows below the button (DayEndProgress.tsx).
 */
export const DayEndPrecheck = () => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const notify = useNotify();
    const refresh = useRefresh();
    const { canAccess: canRun } = useCanAccess({ resource: 'day_end_runs', action: 'run' });
    const [confirm, setConfirm] = useState(false);
    const [busy, setBusy] = useState(false);
    const [ticked, setTicked] = useState<Set<string>>(new Set());
    const watch = useDayEndProgress();
    const { data, refetch } = useQuery({
        queryKey: ['day_end_runs', 'precheck'],
        queryFn: async () => (await httpClient('/api/day_end_runs/precheck')).json as Precheck,
    });
    if (!data) return null;
    const warnings = data.warnings ?? [];
    const ack = acknowledgement(warnings, ticked);
    const tick = (code: string, on: boolean) =>
        setTicked((prev) => {
            const next = new Set(prev);
            if (on) next.add(code);
            else next.delete(code);
            return next;
        });
    const run = async () => {
        setConfirm(false);
        setBusy(true);
        // the progress stream first: once the run starts, the embedded engine answers nothing else
        await watch.start(data.business_date);
        try {
            const { json } = await httpClient('/api/day_end_runs', {
                method: 'POST',
                body: JSON.stringify({ business_date: data.business_date, acknowledged: ack.codes }),
            });
            watch.settle('completed');
            notify('resources.day_end_runs.precheck.done', { type: 'success', messageArgs: { date: json.next_date } });
            setTicked(new Set());
        } catch (e) {
            watch.settle('failed');
            notify((e as Error).message, { type: 'error' });
        } finally {
            setBusy(false);
            await refetch();
            refresh();
        }
    };
    return (
        <Card sx={{ mb: 2, mt: 1 }}>
            <CardContent>
                <Typography variant="h6" gutterBottom>
                    {translate('resources.day_end_runs.precheck.title', { date: data.business_date })}
                </Typography>
                <Stack spacing={1}>
                    <Typography>
                        {translate('resources.day_end_runs.precheck.open_orders', { count: data.open_orders })}
                    </Typography>
                    <Typography>
                        {translate('resources.day_end_runs.precheck.trades', { count: data.trades })}
                    </Typography>
                    {data.invariants_hold ? (
                        <Alert severity="success">{translate('resources.day_end_runs.precheck.invariants_ok')}</Alert>
                    ) : (
                        <Alert severity="error">
                            {translate('resources.day_end_runs.precheck.invariants_broken', {
                                what: data.violations.join('、'),
                            })}
                        </Alert>
                    )}
                    {warnings.length > 0 && (
                        <Alert severity="warning" data-testid="day-end-warnings">
                            <AlertTitle>{translate('resources.day_end_runs.precheck.warnings_title')}</AlertTitle>
                            <Stack spacing={0.5}>
                                {warnings.map((w) => {
                                    const m = warningMessage(w, locale);
                                    return (
                                        <Stack key={w.code} spacing={0} data-warning={w.code}>
                                            <Typography variant="body2">{translate(m.key, m.args)}</Typography>
                                            {canRun && (
                                                <FormControlLabel
                                                    sx={{ ml: 0 }}
                                                    control={
                                                        <Checkbox
                                                            size="small"
                                                            checked={ticked.has(w.code)}
                                                            onChange={(e) => tick(w.code, e.target.checked)}
                                                            slotProps={{
                                                                input: {
                                                                    'aria-label': translate(
                                                                        'resources.day_end_runs.precheck.acknowledge_label',
                                                                        { warning: translate(m.key, m.args) },
                                                                    ),
                                                                },
                                                            }}
                                                        />
                                                    }
                                                    label={
                                                        <Typography variant="body2">
                                                            {translate('resources.day_end_runs.precheck.acknowledge')}
                                                        </Typography>
                                                    }
                                                />
                                            )}
                                        </Stack>
                                    );
                                })}
                            </Stack>
                        </Alert>
                    )}
                    {canRun && (
                        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                            <Button
                                variant="contained"
                                label={translate('resources.day_end_runs.precheck.run', { date: data.business_date })}
                                onClick={() => setConfirm(true)}
                                disabled={busy || !ack.complete}
                            >
                                <PlayArrowIcon />
                            </Button>
                            {!ack.complete && (
                                <Typography variant="body2" color="text.secondary">
                                    {translate('resources.day_end_runs.precheck.acknowledge_all_first')}
                                </Typography>
                            )}
                        </Stack>
                    )}
                    {watch.started && <DayEndProgressPanel progress={watch.progress} elapsed={watch.elapsed} />}
                </Stack>
                <Confirm
                    isOpen={confirm}
                    title="resources.day_end_runs.precheck.confirm_title"
                    content="resources.day_end_runs.precheck.confirm_content"
                    translateOptions={{ date: data.business_date }}
                    onConfirm={run}
                    onClose={() => setConfirm(false)}
                />
            </CardContent>
        </Card>
    );
};
