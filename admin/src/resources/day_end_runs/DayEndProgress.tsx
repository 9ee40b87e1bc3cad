import { Alert, Box, LinearProgress, Stack, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { API_URL } from '../../providers/httpClient';
import { groupThousands } from '../fund_accounts/money';

/** What the server's progress channel sends (server/src/progress/progress.ts `Progress`). */
export interface DayEndProgressState {
    state: 'running' | 'completed' | 'failed' | 'cancelled';
    done: number;
    expected: number | null;
    step?: { code: string; index: number; count: number };
    error?: string;
    elapsed_ms: number;
}

/** 1:05 / 1:02:03 */
export const formatElapsed = (ms: number): string => {
    const s = Math.max(0, Math.floor(ms / 1000));
    const mm = String(Math.floor(s / 60) % 60);
    const ss = String(s % 60).padStart(2, '0');
    return s >= 3600 ? `${Math.floor(s / 3600)}:${mm.padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
};

/**
 * Watches a day-end run's progress: an EventSource on /day_end_runs/progress, opened before the
 * run is posted. On the embedded engine the run holds the one database connection until it
 * commits, so no request started after it is answered — not even the session check — while this
 * stream, opened first, keeps flowing (the server reads it from memory). `start` resolves once the
 * stream is open (or after a short wait: the run goes ahead without progress rather than not at
 * all); the stream closes on the run's final state, on `stop`, and on unmount.
 */
export function useDayEndProgress() {
    const [progress, setProgress] = useState<DayEndProgressState | null>(null);
    const [startedAt, setStartedAt] = useState<number | null>(null);
    const [now, setNow] = useState(() => Date.now());
    const source = useRef<EventSource | null>(null);
    // for settle, called from a closure of the render before start
    const began = useRef(0);
    const heard = useRef(false);
    const stop = () => {
        source.current?.close();
        source.current = null;
    };
    // closed when the screen goes away
    useEffect(() => () => source.current?.close(), []);
    const running = startedAt !== null && (progress === null || progress.state === 'running');
    // the clock moves between events too: a set-based step can be quiet for a minute
    useEffect(() => {
        if (!running) return;
        const timer = setInterval(() => setNow(Date.now()), 1000);
        return () => clearInterval(timer);
    }, [running]);

    const start = (date: string) =>
        new Promise<void>((resolve) => {
            stop();
            setProgress(null);
            began.current = Date.now();
            heard.current = false;
            setStartedAt(began.current);
            setNow(began.current);
            const es = new EventSource(
                `${API_URL}/day_end_runs/progress?business_date=${encodeURIComponent(date)}&wait=true`,
            );
            source.current = es;
            const fallback = setTimeout(resolve, 3000);
            es.onopen = () => {
                clearTimeout(fallback);
                resolve();
            };
            es.addEventListener('progress', (e) => {
                const p = JSON.parse((e as MessageEvent<string>).data) as DayEndProgressState;
                heard.current = true;
                setProgress(p);
                if (p.state !== 'running' && source.current === es) stop();
            });
        });

    /**
     * The run's answer came back: the stream may not have brought its last word yet, the answer
     * has it. A run refused before it began (nothing heard) leaves no panel: the notice says why.
     */
    const settle = (state: 'completed' | 'failed') => {
        stop();
        if (!heard.current && state === 'failed') {
            setStartedAt(null);
            return;
        }
        const elapsed = Date.now() - began.current;
        setProgress((p) =>
            p && p.state !== 'running'
                ? p
                : { ...(p ?? { done: 0, expected: null }), state, elapsed_ms: Math.max(p?.elapsed_ms ?? 0, elapsed) },
        );
    };

    const elapsed =
        progress && progress.state !== 'running'
            ? progress.elapsed_ms
            : Math.max(progress?.elapsed_ms ?? 0, startedAt === null ? 0 : now - startedAt);
    return { progress, started: startedAt !== null, elapsed, start, settle, stop };
}

/** Which step of how many, its rows done of expected (千分位), the time so far; then how it ended. */
export const DayEndProgressPanel = ({
    progress,
    elapsed,
}: {
    progress: DayEndProgressState | null;
    elapsed: number;
}) => {
    const translate = useTranslate();
    const time = formatElapsed(elapsed);
    if (progress?.state === 'completed')
        return (
            <Alert severity="success" data-testid="day-end-progress" data-state="completed">
                {translate('resources.day_end_runs.progress.completed', { time })}
            </Alert>
        );
    if (progress && progress.state !== 'running')
        return (
            <Alert severity="error" data-testid="day-end-progress" data-state="failed">
                {translate('resources.day_end_runs.progress.failed', {
                    step: progress.step
                        ? translate(`resources.day_end_runs.steps.${progress.step.code}`, { _: '' })
                        : '',
                    time,
                })}
            </Alert>
        );
    const step = progress?.step;
    const known = progress && progress.expected !== null && progress.expected > 0;
    const value = known ? Math.min(100, (100 * progress.done) / progress.expected!) : undefined;
    return (
        <Box data-testid="day-end-progress" data-state="running">
            <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', mb: 0.5, flexWrap: 'wrap' }}>
                <Typography variant="body2" sx={{ fontWeight: 500 }}>
                    {step
                        ? translate('resources.day_end_runs.progress.step', {
                              index: step.index,
                              count: step.count,
                              name: translate(`resources.day_end_runs.steps.${step.code}`, { _: '' }),
                          })
                        : translate('resources.day_end_runs.progress.starting')}
                </Typography>
                {progress && (progress.done > 0 || progress.expected !== null) && (
                    <Typography variant="body2" color="text.secondary">
                        {progress.expected === null
                            ? translate('resources.day_end_runs.progress.rows_done', {
                                  done: groupThousands(String(progress.done)),
                              })
                            : translate('resources.day_end_runs.progress.rows', {
                                  done: groupThousands(String(progress.done)),
                                  expected: groupThousands(String(progress.expected)),
                              })}
                    </Typography>
                )}
                <Typography variant="body2" color="text.secondary">
                    {translate('resources.day_end_runs.progress.elapsed', { time })}
                </Typography>
            </Stack>
            <LinearProgress
                variant={value === undefined ? 'indeterminate' : 'determinate'}
                value={value}
                aria-label={translate('resources.day_end_runs.progress.label')}
            />
        </Box>
    );
};
