/** The counter order entry page (柜台委托); the lead registers it as a custom route. */
export const COUNTER_ORDER_PATH = '/counter/order';

/** A link to the order entry page, optionally for a client and a holding to sell. */
export const counterOrderLink = (
    params: { client_id?: unknown; code?: string; side?: 'buy' | 'sell' } = {},
): string => {
    const query = new URLSearchParams();
    if (params.client_id !== undefined && params.client_id !== null) query.set('client_id', String(params.client_id));
    if (params.code) query.set('code', params.code);
    if (params.side) query.set('side', params.side);
    const text = query.toString();
    return text ? `${COUNTER_ORDER_PATH}?${text}` : COUNTER_ORDER_PATH;
};
