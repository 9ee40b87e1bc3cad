import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, Identifier, RaRecord } from 'react-admin';
import { downloadFile } from '../auto/download';
import { exportUrl } from '../auto/fieldLogic';
import { normalizeCatalogue, reportApiUrl } from '../reports/reportParams';
import type { ReportCatalogue, ReportFormat, ReportPreview } from '../reports/types';
import { API_URL, httpClient } from './httpClient';

/** One row of GET /api/permission_catalog: which actions exist for a resource. */
export interface PermissionCatalogEntry {
    resource: string;
    category: string;
    actions: string[];
    label_zh: string;
    label_en: string;
}

/** The files a list exports (the server's report renderer). */
export type ExportFormat = 'xlsx' | 'csv';

export interface AppDataProvider extends DataProvider {
    disableOperator(id: Identifier): Promise<{ data: RaRecord }>;
    enableOperator(id: Identifier): Promise<{ data: RaRecord }>;
    resetOperatorPassword(id: Identifier, password: string): Promise<void>;
    changeOwnPassword(currentPassword: string, newPassword: string): Promise<void>;
    getPermissionCatalog(): Promise<PermissionCatalogEntry[]>;
    getOpenApi(): Promise<unknown>;
    /** GET /api/reports: the reports the operator may run, with their parameters and the trading calendar. */
    getReportCatalogue(): Promise<ReportCatalogue>;
    /** GET /api/reports/{id}: one page of the preview, worded in the UI's language. */
    getReportPreview(
        id: string,
        params: Record<string, string>,
        pagination: { page: number; perPage: number },
    ): Promise<ReportPreview>;
    /** GET /api/reports/{id}/{format}: saves the file under the server's name and returns that name. */
    downloadReport(
        id: string,
        format: ReportFormat,
        params: Record<string, string>,
        options?: { encoding?: 'gbk' },
    ): Promise<string | null>;
    /**
     * GET /api/<resource>/export: every row the list's filter selects as .xlsx or CSV, saved under
     * the server's name, which it returns.
     */
    exportList(
        resource: string,
        format: ExportFormat,
        options: { sort?: { field: string; order: string }; filter?: Record<string, unknown>; encoding?: 'gbk' },
    ): Promise<string | null>;
}

const base = simpleRestProvider(API_URL, httpClient);

const operatorUrl = (id: Identifier, action: string) =>
    `${API_URL}/operators/${encodeURIComponent(String(id))}/${action}`;

export const dataProvider: AppDataProvider = {
    ...base,
    // Past COUNT_LIMIT rows the server does not count a list (`Content-Range: … 0-24/*`):
    // react-admin's partial pagination then pages by 上一页 / 下一页 without a total.
    getList: async (resource, params) => {
        const result = await base.getList(resource, params);
        if (Number.isFinite(result.total)) return result;
        const { page = 1, perPage = 25 } = params.pagination ?? {};
        return {
            data: result.data,
            pageInfo: { hasPreviousPage: page > 1, hasNextPage: result.data.length === perPage },
        };
    },
    // A 204 on DELETE has no body; react-admin still needs the deleted record back.
    delete: async (resource, params) => {
        const result = await base.delete(resource, params);
        return { data: result.data ?? params.previousData ?? { id: params.id } };
    },
    disableOperator: async (id) => {
        const { json } = await httpClient(operatorUrl(id, 'disable'), { method: 'POST' });
        return { data: json };
    },
    enableOperator: async (id) => {
        const { json } = await httpClient(operatorUrl(id, 'enable'), { method: 'POST' });
        return { data: json };
    },
    resetOperatorPassword: async (id, password) => {
        await httpClient(operatorUrl(id, 'reset_password'), {
            method: 'POST',
            body: JSON.stringify({ password }),
        });
    },
    changeOwnPassword: async (currentPassword, newPassword) => {
        await httpClient(`${API_URL}/auth/password`, {
            method: 'POST',
            body: JSON.stringify({ current_password: currentPassword, new_password: newPassword }),
        });
    },
    getPermissionCatalog: async () => {
        const { json } = await httpClient(`${API_URL}/permission_catalog`);
        return Array.isArray(json) ? json : [];
    },
    getOpenApi: async () => {
        const { json } = await httpClient(`${API_URL}/openapi.json`);
        return json;
    },
    getReportCatalogue: async () => {
        const { json } = await httpClient(`${API_URL}/reports`);
        return normalizeCatalogue(json);
    },
    getReportPreview: async (id, params, { page, perPage }) => {
        const query = { ...params, page: String(page), per_page: String(perPage) };
        const { json } = await httpClient(reportApiUrl(API_URL, id, '', query));
        return json as ReportPreview;
    },
    downloadReport: (id, format, params, options = {}) => {
        const query = format === 'csv' && options.encoding === 'gbk' ? { ...params, encoding: 'gbk' } : params;
        return downloadFile(reportApiUrl(API_URL, id, format, query), `${id}.${format}`);
    },
    exportList: (resource, format, { sort, filter, encoding }) =>
        downloadFile(exportUrl(API_URL, resource, sort, filter, { format, encoding }), `${resource}.${format}`),
};
