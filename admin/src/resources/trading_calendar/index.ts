export { TradingCalendarList } from './TradingCalendarList';
export { tradingCalendarMessages } from './messages';
