import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import ViewListIcon from '@mui/icons-material/ViewList';
import { Box, Tab, Tabs } from '@mui/material';
import { Title, useLocaleState, useStore, useTranslate } from 'react-admin';
import { AutoList, resourceLabel, useResourceMeta } from '../../auto';
import { TradingCalendarMonth } from './TradingCalendarMonth';

/**
 * 交易日历's list screen: the month view first (a month of one market at a glance), the generated
 * list — filters, export, import — as the second view. The choice is remembered.
 */
export const TradingCalendarList = () => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const meta = useResourceMeta().getResource('trading_calendar');
    const [view, setView] = useStore<'month' | 'list'>('trading_calendar.view', 'month');
    return (
        <Box>
            <Tabs
                value={view}
                onChange={(_, v) => setView(v)}
                sx={{ borderBottom: 1, borderColor: 'divider', minHeight: 40 }}
            >
                <Tab
                    value="month"
                    icon={<CalendarMonthIcon fontSize="small" />}
                    iconPosition="start"
                    label={translate('resources.trading_calendar.views.month')}
                    sx={{ minHeight: 40 }}
                />
                <Tab
                    value="list"
                    icon={<ViewListIcon fontSize="small" />}
                    iconPosition="start"
                    label={translate('resources.trading_calendar.views.list')}
                    sx={{ minHeight: 40 }}
                />
            </Tabs>
            {view === 'month' ? (
                <>
                    <Title title={meta ? resourceLabel(meta, locale) : ' '} />
                    <TradingCalendarMonth />
                </>
            ) : (
                <AutoList />
            )}
        </Box>
    );
};
