import { useQuery } from '@tanstack/react-query';
import { API_URL, httpClient } from '../providers/httpClient';
import { listQuery, totalOf } from './homeLogic';

/** The number of rows a list filter selects, from the Content-Range of a one-row request. */
export const fetchTotal = async (resource: string, filter: Record<string, unknown>): Promise<number | null> => {
    const { headers } = await httpClient(`${API_URL}/${resource}?${listQuery(filter, [0, 0])}`);
    return totalOf(headers.get('Content-Range'));
};

/** A page of a list with its total. */
export const fetchList = async <T>(
    resource: string,
    filter: Record<string, unknown>,
    range: [number, number],
    sort?: [string, 'ASC' | 'DESC'],
): Promise<{ rows: T[]; total: number | null }> => {
    const { headers, json } = await httpClient(`${API_URL}/${resource}?${listQuery(filter, range, sort)}`);
    return { rows: Array.isArray(json) ? (json as T[]) : [], total: totalOf(headers.get('Content-Range')) };
};

/** A count for a panel, refreshed when the operator comes back to the page. */
export const useTotal = (resource: string, filter: Record<string, unknown>, enabled = true) =>
    useQuery({
        queryKey: ['home', resource, 'total', filter],
        queryFn: () => fetchTotal(resource, filter),
        enabled,
    });
