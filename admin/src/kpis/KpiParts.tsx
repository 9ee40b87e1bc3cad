import type { ReactNode } from 'react';
import TableChartOutlinedIcon from '@mui/icons-material/TableChartOutlined';
import BarChartIcon from '@mui/icons-material/BarChart';
import { Box, Card, CardContent, Stack, ToggleButton, ToggleButtonGroup, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A loading, empty or failed state, in words (never a blank card). */
export const StateText = ({
    loading,
    error,
    empty,
    height = 120,
}: {
    loading?: boolean;
    error?: unknown;
    empty?: boolean;
    height?: number;
}) => {
    const translate = useTranslate();
    const text = loading
        ? translate('kpis.loading_short')
        : error
          ? translate('kpis.error', { message: (error as Error)?.message ?? '' })
          : empty
            ? translate('kpis.empty')
            : null;
    if (!text) return null;
    return (
        <Box
            sx={{ minHeight: height, display: 'flex', alignItems: 'center', justifyContent: 'center' }}
            data-testid={loading ? 'kpi-loading' : error ? 'kpi-error' : 'kpi-empty'}
        >
            <Typography color={error ? 'error' : 'text.secondary'} variant="body2">
                {text}
            </Typography>
        </Box>
    );
};

export type View = 'chart' | 'table';

/** The chart ↔ table switch every chart carries. */
export const ViewToggle = ({
    view,
    onChange,
    testId,
}: {
    view: View;
    onChange: (v: View) => void;
    testId?: string;
}) => {
    const translate = useTranslate();
    return (
        <ToggleButtonGroup
            size="small"
            exclusive
            value={view}
            onChange={(_, v) => v && onChange(v)}
            data-testid={testId}
        >
            <ToggleButton value="chart" aria-label={translate('kpis.chart_view')}>
                <Tooltip title={translate('kpis.chart_view')}>
                    <BarChartIcon fontSize="small" />
                </Tooltip>
            </ToggleButton>
            <ToggleButton
                value="table"
                aria-label={translate('kpis.table_view')}
                data-testid={testId && `${testId}-table`}
            >
                <Tooltip title={translate('kpis.table_view')}>
                    <TableChartOutlinedIcon fontSize="small" />
                </Tooltip>
            </ToggleButton>
        </ToggleButtonGroup>
    );
};

/** A titled card with its controls on the right. */
export const Panel = ({
    title,
    subtitle,
    actions,
    children,
    testId,
}: {
    title: string;
    subtitle?: string;
    actions?: ReactNode;
    children: ReactNode;
    testId?: string;
}) => (
    <Card variant="outlined" data-testid={testId} sx={{ height: '100%' }}>
        <CardContent sx={{ pb: '12px !important' }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap', rowGap: 1 }}>
                <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
                    {title}
                </Typography>
                {subtitle && (
                    <Typography variant="caption" color="text.secondary">
                        {subtitle}
                    </Typography>
                )}
                <Box sx={{ flex: 1 }} />
                {actions}
            </Stack>
            {children}
        </CardContent>
    </Card>
);

/** Right-aligned, tabular figures for number columns. */
export const numCell = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** Tables in half-width panels: narrower cell padding, headers on one line. */
export const compactTable = {
    '& .MuiTableCell-root': { px: 1 },
    '& .MuiTableCell-head': { whiteSpace: 'nowrap' },
} as const;
