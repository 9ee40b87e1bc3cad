import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dataProvider } from '../providers/dataProvider';
import { clearSession, setMe } from '../providers/session';
import { jsonResponse, ME, stubFetch } from '../providers/testFetch';

beforeEach(() => setMe(ME));
afterEach(() => {
    clearSession();
    vi.unstubAllGlobals();
});

describe('the report calls of the dataProvider', () => {
    it('reads the catalogue, tolerating missing lists', async () => {
        const calls = stubFetch(() => jsonResponse(200, { open_date: '2026-12-03', reports: [{ id: 'a' }] }));
        const catalogue = await dataProvider.getReportCatalogue();
        expect(calls[0]!.url).toBe('/api/reports');
        expect(catalogue.trading_days).toEqual([]);
        expect(catalogue.reports[0]!.params).toEqual([]);
    });

    it('asks a preview page with the parameters, the page and its size', async () => {
        const calls = stubFetch(() => jsonResponse(200, { id: 'daily_fund_statement', lines: [] }));
        await dataProvider.getReportPreview('daily_fund_statement', { date: '2026-12-02' }, { page: 2, perPage: 100 });
        expect(calls[0]!.url).toBe('/api/reports/daily_fund_statement?date=2026-12-02&page=2&per_page=100');
        expect(calls[0]!.headers.get('Accept-Language')).toBeTruthy();
    });

    it('turns a refused preview into field errors for the form', async () => {
        stubFetch(() =>
            jsonResponse(400, {
                error: {
                    code: 'VALIDATION_FAILED',
                    message: '提交的数据有误',
                    fields: { date: '不能晚于当前业务日期' },
                },
                request_id: 'r1',
            }),
        );
        const error = await dataProvider
            .getReportPreview('daily_fund_statement', { date: '2026-12-09' }, { page: 1, perPage: 50 })
            .catch((e) => e);
        expect(error.message).toBe('提交的数据有误');
        expect(error.body.errors.date).toBe('不能晚于当前业务日期');
    });

    it('downloads a file under the server name, with GBK on request', async () => {
        const saved: string[] = [];
        vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => {} }));
        vi.stubGlobal('document', {
            createElement: () => ({
                click() {
                    saved.push((this as unknown as { download: string }).download);
                },
                remove() {},
            }),
            body: { appendChild: () => {} },
        });
        const calls = stubFetch(
            () =>
                new Response('a,b\n', {
                    status: 200,
                    headers: {
                        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent('资金日计表-2026-12-02.csv')}`,
                    },
                }),
        );
        const name = await dataProvider.downloadReport(
            'daily_fund_statement',
            'csv',
            { date: '2026-12-02' },
            { encoding: 'gbk' },
        );
        expect(calls[0]!.url).toBe('/api/reports/daily_fund_statement/csv?date=2026-12-02&encoding=gbk');
        expect(name).toBe('资金日计表-2026-12-02.csv');
        expect(saved).toEqual(['资金日计表-2026-12-02.csv']);
    });

    it('reports the server message of a refused download (the PDF row cap)', async () => {
        stubFetch(() =>
            jsonResponse(422, {
                error: { code: 'TOO_MANY_ROWS_FOR_PDF', message: 'PDF 最多 10000 行，请下载 Excel 或 CSV' },
            }),
        );
        await expect(dataProvider.downloadReport('fund_ledger', 'pdf', {})).rejects.toThrow(
            'PDF 最多 10000 行，请下载 Excel 或 CSV',
        );
    });
});
