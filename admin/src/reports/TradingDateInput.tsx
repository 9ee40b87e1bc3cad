import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Box, ButtonBase, IconButton, InputAdornment, Popover, TextField, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { isClosedDate, isIsoDate, isSelectableDay, monthGrid, shiftMonth, type TradingCalendar } from './reportParams';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

interface TradingDateInputProps {
    name: string;
    label: string;
    value: string;
    onChange: (value: string) => void;
    calendar: TradingCalendar;
    required?: boolean;
    /** the problem to show under the input, already worded */
    error?: string;
    /** say under a valid date whether its day-end has completed (the date the header reports on) */
    showStatus?: boolean;
}

/**
 * A business date: typed as YYYY-MM-DD or picked in a month calendar where only trading days up
 * to the open business date can be chosen (the catalogue's SH-A calendar). A date the form
 * refuses says why under the input.
 */
export const TradingDateInput = ({
    name,
    label,
    value,
    onChange,
    calendar,
    required,
    error,
    showStatus,
}: TradingDateInputProps) => {
    const translate = useTranslate();
    const field = useRef<HTMLDivElement>(null);
    const [anchor, setAnchor] = useState<HTMLElement | null>(null);
    const open = () => setAnchor(field.current);
    const status = showStatus && !error && isIsoDate(value) ? isClosedDate(value, calendar) : undefined;
    return (
        <>
            <TextField
                ref={field}
                size="small"
                name={name}
                label={label}
                required={required}
                value={value}
                onChange={(e) => onChange(e.target.value.trim())}
                error={!!error}
                helperText={
                    error ??
                    (status === undefined
                        ? ' '
                        : translate(status ? 'reports.form.date_closed' : 'reports.form.date_open'))
                }
                fullWidth={false}
                sx={{ width: 200 }}
                slotProps={{
                    formHelperText: {
                        sx: status === false ? { color: 'warning.main', fontWeight: 500 } : undefined,
                    },
                    htmlInput: { inputMode: 'numeric', placeholder: 'YYYY-MM-DD', maxLength: 10, autoComplete: 'off' },
                    input: {
                        endAdornment: (
                            <InputAdornment position="end">
                                <IconButton
                                    size="small"
                                    edge="end"
                                    aria-label={translate('reports.calendar.open')}
                                    onClick={open}
                                >
                                    <CalendarMonthIcon fontSize="small" />
                                </IconButton>
                            </InputAdornment>
                        ),
                    },
                }}
            />
            <Popover
                open={!!anchor}
                anchorEl={anchor}
                onClose={() => setAnchor(null)}
                anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
                transformOrigin={{ vertical: 'top', horizontal: 'left' }}
            >
                <MonthCalendar
                    value={value}
                    calendar={calendar}
                    onPick={(day) => {
                        onChange(day);
                        setAnchor(null);
                    }}
                />
            </Popover>
        </>
    );
};

const MonthCalendar = ({
    value,
    calendar,
    onPick,
}: {
    value: string;
    calendar: TradingCalendar;
    onPick: (day: string) => void;
}) => {
    const translate = useTranslate();
    const firstMonth = (calendar.first ?? calendar.openDate).slice(0, 7);
    const lastMonth = calendar.openDate.slice(0, 7);
    const start = (isIsoDate(value) ? value : calendar.defaultDate).slice(0, 7);
    // the month shown first: the value's, kept within the catalogue's window (the middle of the three)
    const [month, setMonth] = useState([firstMonth, start, lastMonth].sort()[1]!);
    const [year, monthNo] = month.split('-').map(Number) as [number, number];
    return (
        <Box sx={{ p: 1.5, width: 300 }} data-testid="trading-calendar">
            <Box sx={{ display: 'flex', alignItems: 'center', mb: 1 }}>
                <IconButton
                    size="small"
                    aria-label={translate('reports.calendar.prev')}
                    disabled={month <= firstMonth}
                    onClick={() => setMonth(shiftMonth(month, -1))}
                >
                    <ChevronLeftIcon />
                </IconButton>
                <Typography variant="subtitle2" sx={{ flex: 1, textAlign: 'center' }}>
                    {translate('reports.calendar.month', { year, month: monthNo })}
                </Typography>
                <IconButton
                    size="small"
                    aria-label={translate('reports.calendar.next')}
                    disabled={month >= lastMonth}
                    onClick={() => setMonth(shiftMonth(month, 1))}
                >
                    <ChevronRightIcon />
                </IconButton>
            </Box>
            <Box role="grid" sx={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 0.5 }}>
                {WEEKDAYS.map((d) => (
                    <Typography key={d} variant="caption" color="text.secondary" sx={{ textAlign: 'center' }}>
                        {translate(`reports.calendar.weekdays.${d}`)}
                    </Typography>
                ))}
                {monthGrid(month)
                    .flat()
                    .map((day, i) =>
                        day === null ? (
                            // biome-ignore lint/suspicious/noArrayIndexKey: the padding cells have nothing else to tell them apart
                            <span key={`pad-${i}`} />
                        ) : (
                            <DayButton
                                key={day}
                                day={day}
                                selected={day === value}
                                enabled={isSelectableDay(day, calendar)}
                                open={!isClosedDate(day, calendar)}
                                onPick={onPick}
                            />
                        ),
                    )}
            </Box>
            <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
                {translate('reports.calendar.legend')}
            </Typography>
        </Box>
    );
};

const DayButton = ({
    day,
    selected,
    enabled,
    open,
    onPick,
}: {
    day: string;
    selected: boolean;
    enabled: boolean;
    open: boolean;
    onPick: (day: string) => void;
}) => (
    <ButtonBase
        disabled={!enabled}
        onClick={() => onPick(day)}
        aria-label={day}
        aria-selected={selected}
        data-date={day}
        sx={{
            height: 34,
            borderRadius: 1,
            fontSize: 14,
            color: enabled ? (open ? 'warning.dark' : 'text.primary') : 'text.disabled',
            bgcolor: selected ? 'primary.main' : enabled ? 'transparent' : 'action.hover',
            fontWeight: enabled ? 500 : 400,
            textDecoration: enabled ? 'none' : 'line-through',
            border: enabled && open && !selected ? '1px solid' : 'none',
            borderColor: 'warning.main',
            ...(selected && { color: 'primary.contrastText' }),
            '&:hover': { bgcolor: selected ? 'primary.dark' : 'action.selected' },
        }}
    >
        {Number(day.slice(8))}
    </ButtonBase>
);
