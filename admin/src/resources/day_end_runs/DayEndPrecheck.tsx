import { Alert, Card, CardContent, Stack, Typography } from '@mui/material';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Confirm, useCanAccess, useNotify, useRefresh, useTranslate } from 'react-admin';
import { httpClient } from '../../providers/httpClient';

interface Precheck {
    business_date: string;
    open_orders: number;
    trades: number;
    invariants_hold: boolean;
    violations: string[];
}

/** Above the run history: what tonight's run will meet, and the button that starts it. */
export const DayEndPrecheck = () => {
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const { canAccess: canRun } = useCanAccess({ resource: 'day_end_runs', action: 'run' });
    const [confirm, setConfirm] = useState(false);
    const [busy, setBusy] = useState(false);
    const { data, refetch } = useQuery({
        queryKey: ['day_end_runs', 'precheck'],
        queryFn: async () => (await httpClient('/api/day_end_runs/precheck')).json as Precheck,
    });
    if (!data) return null;
    const run = async () => {
        setConfirm(false);
        setBusy(true);
        try {
            const { json } = await httpClient('/api/day_end_runs', {
                method: 'POST',
                body: JSON.stringify({ business_date: data.business_date }),
            });
            notify('resources.day_end_runs.precheck.done', { type: 'success', messageArgs: { date: json.next_date } });
        } catch (e) {
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
                    {canRun && (
                        <div>
                            <Button
                                variant="contained"
                                label={translate('resources.day_end_runs.precheck.run', { date: data.business_date })}
                                onClick={() => setConfirm(true)}
                                disabled={busy}
                            >
                                <PlayArrowIcon />
                            </Button>
                        </div>
                    )}
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
