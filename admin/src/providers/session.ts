/**
 * The signed-in operator as last returned by /api/auth/me or login. Held in memory only:
 * the session itself lives in an HttpOnly cookie, and the CSRF token must never reach storage.
 */
export interface BranchRef {
    id: number;
    code: string;
    name: string;
    is_head_office: boolean;
}

export interface RoleRef {
    id: number;
    code: string;
    name: string;
}

export interface Me {
    id: number;
    username: string;
    name: string;
    branch: BranchRef;
    roles: RoleRef[];
    permissions: string[];
    all_branches: boolean;
    must_change_password: boolean;
    csrf_token: string;
    /** the open business date (rolled by day-end) */
    business_date?: string | null;
}

let me: Me | null = null;

export const getMe = (): Me | null => me;

export const setMe = (value: Me | null): void => {
    me = value;
};

export const getCsrfToken = (): string | null => me?.csrf_token || null;

/** After a 403 PASSWORD_CHANGE_REQUIRED the cached identity must reflect it for the route guard. */
export const markPasswordChangeRequired = (): void => {
    if (me) me = { ...me, must_change_password: true };
};

export const clearSession = (): void => {
    me = null;
};
