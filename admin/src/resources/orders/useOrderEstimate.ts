import { API_URL, httpClient } from '../../providers/httpClient';
import { useDebouncedQuery } from '../../providers/useDebouncedQuery';
import { fieldErrors, type EstimateRequest, type OrderEstimate } from './orderLogic';

export const ESTIMATE_DEBOUNCE_MS = 300;

/** An answer and the request (`revision:body`) it is for. */
interface Answer {
    key: string;
    estimate: OrderEstimate;
}

/**
 * POST /api/orders/estimate for the order being typed, 300 ms after typing pauses; answers to
 * an older request are dropped (useDebouncedQuery keys them). `fresh` says the answer is for
 * exactly what is on screen now — only then may the order be submitted. A new `revision` asks
 * again for the same inputs (the client's accounts changed: a shareholder account was just opened).
 */
export const useOrderEstimate = (request: EstimateRequest | null, revision = 0) => {
    const body = request ? JSON.stringify(request) : '';
    const key = body ? `${revision}:${body}` : '';
    const query = useDebouncedQuery<Answer>(
        'order_estimate',
        key || null,
        async (asked) => {
            const sent = asked.slice(asked.indexOf(':') + 1);
            const { json } = await httpClient(`${API_URL}/orders/estimate`, { method: 'POST', body: sent });
            return { key: asked, estimate: json as OrderEstimate };
        },
        ESTIMATE_DEBOUNCE_MS,
    );
    // an answer from the cache is asked again: only the one just received is fresh
    const answered = query.data?.key === key && !query.isPlaceholderData && !query.isFetching;
    // a refusal (400) is the answer for the request last asked, once nothing newer is on its way
    const refused = key !== '' && query.isError && query.settled === key && !query.isFetching;
    // nothing typed (the client cleared): no last answer either
    const last = key === '' ? undefined : query.data;
    return {
        /** the answer for what is on screen, once it has arrived */
        estimate: key !== '' && answered && !refused ? last?.estimate : undefined,
        /** the last answer, possibly for an earlier keystroke (shown dimmed while the next one comes) */
        lastEstimate: last?.estimate,
        /** the request of the last answer */
        lastRequest: last ? (JSON.parse(last.key.slice(last.key.indexOf(':') + 1)) as EstimateRequest) : undefined,
        errors: refused ? fieldErrors(query.error) : {},
        message: refused ? (query.error as Error | null)?.message : undefined,
        pending: key !== '' && !answered && !refused,
    };
};
