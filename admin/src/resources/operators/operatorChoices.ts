/** Operator statuses; names are i18n keys, translated by react-admin's choice inputs and fields. */
export const OPERATOR_STATUS_CHOICES = [
    { id: 'active', name: 'resources.operators.status.active' },
    { id: 'disabled', name: 'resources.operators.status.disabled' },
];

/** The fields PUT /api/operators/:id accepts; the record carries more (timestamps, counters). */
export const toOperatorUpdate = (data: Record<string, any>) => ({
    name: data.name,
    branch_id: data.branch_id,
    phone: data.phone ?? '',
    role_ids: data.role_ids ?? [],
    version: data.version,
});

/** The fields POST /api/operators accepts. */
export const toOperatorCreate = (data: Record<string, any>) => ({
    username: data.username,
    name: data.name,
    branch_id: data.branch_id,
    phone: data.phone ?? '',
    role_ids: data.role_ids ?? [],
    password: data.password,
});

export const isLocked = (lockedUntil: string | null | undefined, now = Date.now()): boolean =>
    !!lockedUntil && new Date(lockedUntil).getTime() > now;
