/** Client statuses (正常/冻结/挂失/销户); names are i18n keys, translated by choice inputs and fields. */
export const CLIENT_STATUSES = ['normal', 'frozen', 'lost', 'closed'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];
export const CLIENT_STATUS_CHOICES = CLIENT_STATUSES.map((id) => ({ id, name: `resources.clients.status.${id}` }));

/**
 * Client classes: the codes of the data-dictionary category client_class. Labelled from the app's
 * messages because a teller has no right to read the dictionary itself.
 */
export const CLIENT_CLASSES = ['retail', 'vip', 'institution', 'employee'] as const;
export const CLIENT_CLASS_CHOICES = CLIENT_CLASSES.map((id) => ({ id, name: `resources.clients.class.${id}` }));

export const GENDER_CHOICES = [
    { id: 'M', name: 'resources.clients.gender.M' },
    { id: 'F', name: 'resources.clients.gender.F' },
];

/** A status change offered at the counter: its target and the i18n key of its button and dialog. */
export interface StatusAction {
    target: ClientStatus;
    action: 'freeze' | 'report_lost' | 'unfreeze' | 'cancel_lost' | 'close';
}

/**
 * What can be done from each status: freeze or report lost from normal, back to normal from
 * either, close (销户) from any open status (the server then demands zero cash). A closed client
 * is final.
 */
export const statusActions = (status: unknown): StatusAction[] => {
    switch (status) {
        case 'normal':
            return [
                { target: 'frozen', action: 'freeze' },
                { target: 'lost', action: 'report_lost' },
                { target: 'closed', action: 'close' },
            ];
        case 'frozen':
            return [
                { target: 'normal', action: 'unfreeze' },
                { target: 'closed', action: 'close' },
            ];
        case 'lost':
            return [
                { target: 'normal', action: 'cancel_lost' },
                { target: 'closed', action: 'close' },
            ];
        default:
            return [];
    }
};

/** Chip colour of a status. */
export const statusColor = (status: unknown): 'success' | 'warning' | 'error' | 'default' =>
    status === 'normal' ? 'success' : status === 'frozen' ? 'warning' : status === 'lost' ? 'error' : 'default';

const EDITABLE = [
    'name',
    'phone',
    'address',
    'client_class',
    'client_manager_id',
    'allow_counter',
    'allow_phone',
    'allow_online',
    'agent_name',
    'agent_id_number',
    'agent_phone',
] as const;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const managerId = (value: unknown) => (value === '' || value === null || value === undefined ? null : Number(value));

const clientFields = (data: Record<string, any>) => {
    const out: Record<string, unknown> = {};
    for (const key of EDITABLE) out[key] = data[key];
    for (const key of ['name', 'phone', 'address', 'agent_name', 'agent_phone'] as const) out[key] = text(data[key]);
    out.agent_id_number = text(data.agent_id_number).toUpperCase();
    out.client_class = data.client_class || 'retail';
    out.client_manager_id = managerId(data.client_manager_id);
    for (const key of ['allow_counter', 'allow_phone', 'allow_online'] as const) out[key] = data[key] !== false;
    return out;
};

/** The fields POST /api/clients (开户) accepts; the server refuses any other (strict schema). */
export const toClientCreate = (data: Record<string, any>, offered: readonly string[] = []) => ({
    ...clientFields(data),
    id_number: text(data.id_number).toUpperCase(),
    ...(offered.length ? { markets: marketsToOpen(data.markets, offered) } : {}),
});

/** The markets ticked at 开户 by default: 沪A and 深A, what nearly every client trades. */
export const DEFAULT_MARKETS = ['SH-A', 'SZ-A'];

/**
 * The markets 开户 opens shareholder accounts on: those ticked among those offered (the server's
 * list), in the offered order; a tick for a market no longer offered is dropped.
 */
export const marketsToOpen = (ticked: unknown, offered: readonly string[]): string[] =>
    Array.isArray(ticked) ? offered.filter((m) => ticked.includes(m)) : [];

/** The fields PUT /api/clients/:id accepts, with the version for the optimistic lock. */
export const toClientUpdate = (data: Record<string, any>) => ({ ...clientFields(data), version: data.version });

/** The server's rule: empty, an 11-digit mobile number, or a landline with area code. */
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})?$/;
export const phoneProblem = (value: unknown): string | undefined =>
    PHONE.test(text(value)) ? undefined : 'resources.clients.validation.phone';

/** 18 characters, the last may be X; birth date and check digit are the server's to judge. */
const ID_NUMBER = /^[1-9]\d{16}[\dXx]$/;
export const idNumberProblem = (value: unknown, optional = false): string | undefined => {
    const id = text(value);
    if (optional && id === '') return undefined;
    return ID_NUMBER.test(id) ? undefined : 'resources.clients.validation.id_number';
};
