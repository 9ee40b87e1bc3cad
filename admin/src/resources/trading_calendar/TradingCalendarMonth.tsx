import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import TodayIcon from '@mui/icons-material/Today';
import {
    Alert,
    Box,
    Card,
    CardContent,
    FormControl,
    IconButton,
    InputLabel,
    LinearProgress,
    MenuItem,
    Select,
    Stack,
    Tooltip,
    Typography,
} from '@mui/material';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { Button, useCreatePath, useGetIdentity, useGetList, useLocaleState, useStore, useTranslate } from 'react-admin';
import type { AppIdentity } from '../../providers/authProvider';
import { dayKind, gridRange, monthCounts, monthGrid, monthOf, shiftMonth, type DayKind } from './calendarMonth';

interface CalendarRow {
    id: number;
    market: string;
    date: string;
    is_trading_day: boolean;
    note: string;
}

const KIND_STYLE: Record<DayKind, { bgcolor: string; color: string; border: string }> = {
    // Material's green 50 and red 50: quiet backgrounds the day's words read on
    trading: { bgcolor: '#e8f5e9', color: 'success.dark', border: 'success.light' },
    holiday: { bgcolor: '#ffebee', color: 'error.dark', border: 'error.light' },
    weekend: { bgcolor: 'grey.100', color: 'text.secondary', border: 'divider' },
    missing: { bgcolor: 'background.paper', color: 'text.disabled', border: 'divider' },
};

/** Monday first, in the UI language (周一 … 周日, Mon … Sun): 2024-01-01 was a Monday. */
const weekdayNames = (locale: string) =>
    Array.from({ length: 7 }, (_, i) =>
        new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(
            new Date(Date.UTC(2024, 0, 1 + i)),
        ),
    );
const monthName = (month: string, locale: string) =>
    new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
        new Date(`${month}-01T00:00:00Z`),
    );

/**
 * 交易日历 as a month: one market's days in Monday-first weeks — trading days, holidays with their
 * note (国庆节 …), weekends — the open business date marked; previous / next month; each day opens
 * its record. Starts on the month of the open business date.
 */
export const TradingCalendarMonth = () => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const createPath = useCreatePath();
    const { identity } = useGetIdentity();
    const businessDate = (identity as AppIdentity | undefined)?.business_date ?? null;
    const [market, setMarket] = useStore<string>('trading_calendar.month.market', 'SH-A');
    const [chosen, setMonth] = useStore<string | null>('trading_calendar.month.month', null);
    const month = chosen ?? monthOf(businessDate ?? new Date().toISOString().slice(0, 10));
    const weeks = useMemo(() => monthGrid(month), [month]);
    const range = gridRange(weeks);
    const { data: markets } = useGetList<{ id: number; code: string; name_zh: string; name_en: string }>('markets', {
        pagination: { page: 1, perPage: 100 },
        sort: { field: 'code', order: 'ASC' },
        filter: {},
    });
    const { data, isPending, error } = useGetList<CalendarRow>('trading_calendar', {
        pagination: { page: 1, perPage: 50 },
        sort: { field: 'date', order: 'ASC' },
        filter: { market, date_gte: range.from, date_lte: range.to },
    });
    const rows = useMemo(() => new Map((data ?? []).map((r) => [r.date, r])), [data]);
    const counts = monthCounts(weeks, rows);
    const names = weekdayNames(locale);
    const english = locale.startsWith('en');
    return (
        <Card sx={{ mt: 1 }}>
            <CardContent>
                <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap', rowGap: 1 }}>
                    <FormControl size="small" sx={{ minWidth: 180 }}>
                        <InputLabel id="calendar-market">
                            {translate('resources.trading_calendar.month.market')}
                        </InputLabel>
                        <Select
                            labelId="calendar-market"
                            label={translate('resources.trading_calendar.month.market')}
                            value={markets?.some((m) => m.code === market) ? market : ''}
                            onChange={(e) => setMarket(String(e.target.value))}
                        >
                            {(markets ?? []).map((m) => (
                                <MenuItem key={m.code} value={m.code}>
                                    {`${english ? m.name_en || m.name_zh : m.name_zh} (${m.code})`}
                                </MenuItem>
                            ))}
                        </Select>
                    </FormControl>
                    <Tooltip title={translate('resources.trading_calendar.month.previous')}>
                        <IconButton
                            aria-label={translate('resources.trading_calendar.month.previous')}
                            onClick={() => setMonth(shiftMonth(month, -1))}
                        >
                            <ChevronLeftIcon />
                        </IconButton>
                    </Tooltip>
                    <Typography variant="h6" sx={{ minWidth: 140, textAlign: 'center' }} data-testid="calendar-month">
                        {monthName(month, locale)}
                    </Typography>
                    <Tooltip title={translate('resources.trading_calendar.month.next')}>
                        <IconButton
                            aria-label={translate('resources.trading_calendar.month.next')}
                            onClick={() => setMonth(shiftMonth(month, 1))}
                        >
                            <ChevronRightIcon />
                        </IconButton>
                    </Tooltip>
                    <Button label="resources.trading_calendar.month.current" onClick={() => setMonth(null)}>
                        <TodayIcon />
                    </Button>
                    <Box sx={{ flexGrow: 1 }} />
                    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
                        {(['trading', 'holiday', 'weekend'] as const).map((kind) => (
                            <Stack key={kind} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                                <Box
                                    sx={{
                                        width: 14,
                                        height: 14,
                                        borderRadius: 0.5,
                                        border: 1,
                                        borderColor: KIND_STYLE[kind].border,
                                        bgcolor: KIND_STYLE[kind].bgcolor,
                                    }}
                                />
                                <Typography variant="caption">
                                    {translate(`resources.trading_calendar.month.${kind}`)}
                                </Typography>
                            </Stack>
                        ))}
                    </Stack>
                </Stack>
                {isPending && <LinearProgress sx={{ mb: 1 }} />}
                {error && <Alert severity="error">{(error as Error).message}</Alert>}
                {!isPending && !error && counts.missing === weeks.flat().filter((d) => d.inMonth).length && (
                    <Alert severity="info" sx={{ mb: 1 }}>
                        {translate('resources.trading_calendar.month.empty')}
                    </Alert>
                )}
                <Box
                    role="grid"
                    aria-label={monthName(month, locale)}
                    sx={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 0.75 }}
                >
                    {names.map((name, i) => (
                        <Typography
                            key={name}
                            role="columnheader"
                            variant="subtitle2"
                            sx={{ textAlign: 'center', color: i >= 5 ? 'text.secondary' : 'text.primary', py: 0.5 }}
                        >
                            {name}
                        </Typography>
                    ))}
                    {weeks.flat().map((day) => {
                        const row = rows.get(day.date);
                        const kind = dayKind(day, row);
                        const style = KIND_STYLE[kind];
                        const today = day.date === businessDate;
                        const note =
                            kind === 'holiday'
                                ? row?.note || translate('resources.trading_calendar.month.holiday')
                                : translate(`resources.trading_calendar.month.${kind}`);
                        const cell = (
                            <Box
                                key="cell"
                                role="gridcell"
                                data-date={day.date}
                                data-kind={kind}
                                sx={{
                                    minHeight: 76,
                                    p: 1,
                                    borderRadius: 1,
                                    border: today ? 2 : 1,
                                    borderColor: today ? 'primary.main' : style.border,
                                    bgcolor: style.bgcolor,
                                    opacity: day.inMonth ? 1 : 0.45,
                                    display: 'flex',
                                    flexDirection: 'column',
                                    gap: 0.5,
                                    color: 'text.primary',
                                    textDecoration: 'none',
                                    '&:hover': row ? { boxShadow: 2 } : undefined,
                                }}
                            >
                                <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
                                    <Typography variant="body1" sx={{ fontWeight: today ? 700 : 500 }}>
                                        {day.day}
                                    </Typography>
                                    {today && (
                                        <Typography variant="caption" color="primary">
                                            {translate('resources.trading_calendar.month.business_date')}
                                        </Typography>
                                    )}
                                </Stack>
                                <Typography
                                    variant="caption"
                                    sx={{ color: style.color, fontWeight: kind === 'holiday' ? 600 : 400 }}
                                >
                                    {note}
                                </Typography>
                            </Box>
                        );
                        return row ? (
                            <Box
                                key={day.date}
                                component={Link}
                                to={createPath({ resource: 'trading_calendar', id: row.id, type: 'show' })}
                                aria-label={translate('resources.trading_calendar.month.open_day', { date: day.date })}
                                sx={{ textDecoration: 'none', color: 'inherit' }}
                            >
                                {cell}
                            </Box>
                        ) : (
                            <Box key={day.date}>{cell}</Box>
                        );
                    })}
                </Box>
                <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5 }} data-testid="calendar-counts">
                    {translate('resources.trading_calendar.month.counts', counts)}
                    {counts.missing > 0 && translate('resources.trading_calendar.month.missing_count', counts)}
                </Typography>
            </CardContent>
        </Card>
    );
};
