import { lazy } from 'react';

/**
 * 报表管理. The pages are loaded on first use (the login page does not carry them); the menu
 * items and the words are small and load with the app.
 */
export const ReportListPage = lazy(() => import('./ReportListPage').then((m) => ({ default: m.ReportListPage })));
export const ReportPage = lazy(() => import('./ReportPage').then((m) => ({ default: m.ReportPage })));

export { ReportsMenuItems } from './ReportsMenuItems';
export { reportMessages } from './messages';
export { REPORTS_PATH } from './reportParams';
