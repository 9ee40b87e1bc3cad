/** The fields POST /api/roles accepts. */
export const toRoleCreate = (data: Record<string, any>) => ({
    code: data.code,
    name: data.name,
    description: data.description ?? '',
    all_branches: !!data.all_branches,
    permissions: data.permissions ?? [],
});

/** The fields PUT /api/roles/:id accepts (the code is the role's identity and never changes). */
export const toRoleUpdate = (data: Record<string, any>) => ({
    name: data.name,
    description: data.description ?? '',
    all_branches: !!data.all_branches,
    permissions: data.permissions ?? [],
    version: data.version,
});

export const BUILT_IN_CHOICES = [
    { id: 'true', name: 'app.common.yes' },
    { id: 'false', name: 'app.common.no' },
];
