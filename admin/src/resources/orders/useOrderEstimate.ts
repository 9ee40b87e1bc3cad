import { useEffect, useRef, useState } from 'react';
import { API_URL, httpClient } from '../../providers/httpClient';
import { fieldErrors, type EstimateRequest, type OrderEstimate } from './orderLogic';

export const ESTIMATE_DEBOUNCE_MS = 300;

interface EstimateState {
    /** the request (as JSON) the answer is for */
    key: string;
    /** the request the estimate answers */
    request?: EstimateRequest;
    estimate?: OrderEstimate;
    /** the server's field messages of a 400 (unknown code, client…) */
    errors?: Record<string, string>;
    message?: string;
}

/**
 * POST /api/orders/estimate for the order being typed, 300 ms after typing pauses; answers to
 * an older request are dropped. `fresh` says the answer is for exactly what is on screen now —
 * only then may the order be submitted. A new `revision` asks again for the same inputs (the
 * client's accounts changed: a shareholder account was just opened).
 */
export const useOrderEstimate = (request: EstimateRequest | null, revision = 0) => {
    const body = request ? JSON.stringify(request) : '';
    const key = body ? `${revision}:${body}` : '';
    const [state, setState] = useState<EstimateState>({ key: '' });
    const seq = useRef(0);

    // biome-ignore lint/correctness/useExhaustiveDependencies: the key holds the body and the revision
    useEffect(() => {
        const mine = ++seq.current;
        if (!key) {
            setState({ key: '' });
            return;
        }
        const timer = setTimeout(() => {
            httpClient(`${API_URL}/orders/estimate`, { method: 'POST', body }).then(
                ({ json }) => {
                    if (mine === seq.current)
                        setState({ key, request: JSON.parse(body), estimate: json as OrderEstimate });
                },
                (error) => {
                    if (mine === seq.current)
                        setState({ key, errors: fieldErrors(error), message: (error as Error)?.message });
                },
            );
        }, ESTIMATE_DEBOUNCE_MS);
        return () => clearTimeout(timer);
    }, [key]);

    const fresh = key !== '' && state.key === key;
    return {
        /** the answer for what is on screen, once it has arrived */
        estimate: fresh ? state.estimate : undefined,
        /** the last answer, possibly for an earlier keystroke (shown dimmed while the next one comes) */
        lastEstimate: state.estimate,
        /** the request of the last answer */
        lastRequest: state.estimate ? state.request : undefined,
        errors: fresh ? (state.errors ?? {}) : {},
        message: fresh && state.errors ? state.message : undefined,
        pending: key !== '' && !fresh,
    };
};
