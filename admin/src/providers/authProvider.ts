import type { AuthProvider, UserIdentity } from 'react-admin';
import { API_URL, errorCode, fetchMe, httpClient } from './httpClient';
import { clearSession, getMe, markPasswordChangeRequired, setMe, type Me } from './session';

export const CHANGE_PASSWORD_PATH = '/change-password';

/**
 * Pseudo-resources of custom pages that every signed-in operator may open; they have no
 * permission of their own in the catalog (the server marks their routes "signed_in").
 */
export const SIGNED_IN_RESOURCES: ReadonlySet<string> = new Set([
    'openapi',
    'dashboard',
    'change_password',
    'export_jobs',
]);

/**
 * The rule the server enforces, mirrored only to hide what is not allowed. With a record,
 * record-level rules apply too: built-in roles are defined by the product and read-only.
 */
export const hasPermission = (
    me: Pick<Me, 'permissions'> | null,
    resource: string,
    action: string,
    record?: { built_in?: unknown } | null,
): boolean => {
    if (!me) return false;
    if (SIGNED_IN_RESOURCES.has(resource)) return true;
    if (resource === 'roles' && (action === 'edit' || action === 'delete') && record?.built_in === true) return false;
    return me.permissions.includes(`${resource}.${action}`);
};

export interface AppIdentity extends UserIdentity {
    username: string;
    name: string;
    branch: Me['branch'];
    roles: Me['roles'];
    all_branches: boolean;
    must_change_password: boolean;
}

export const toIdentity = (me: Me): AppIdentity => ({
    id: me.id,
    fullName: `${me.name} · ${me.branch.name}`,
    username: me.username,
    name: me.name,
    branch: me.branch,
    roles: me.roles,
    all_branches: me.all_branches,
    must_change_password: me.must_change_password,
    business_date: me.business_date ?? null,
});

const currentMe = async (): Promise<Me> => getMe() ?? fetchMe();

const statusOf = (error: unknown): number | undefined => (error as { status?: number } | null)?.status;

export const authProvider: AuthProvider = {
    login: async ({ username, password }: { username: string; password: string }) => {
        const { json } = await httpClient(`${API_URL}/auth/login`, {
            method: 'POST',
            body: JSON.stringify({ username, password }),
        });
        setMe(json as Me);
        // A first sign-in with an initial password must go straight to 柜员更密.
        return (json as Me).must_change_password ? { redirectTo: CHANGE_PASSWORD_PATH } : undefined;
    },

    logout: async () => {
        if (getMe()) {
            try {
                await httpClient(`${API_URL}/auth/logout`, { method: 'POST' });
            } catch {
                // The session may already be gone (expired, disabled): signing out locally is enough.
            }
        }
        clearSession();
    },

    checkAuth: async () => {
        if (getMe()) return;
        try {
            await fetchMe();
        } catch (error) {
            // No notification for the ordinary "not signed in yet" case: just show the login page.
            if (statusOf(error) === 401) throw { message: false };
            throw error;
        }
    },

    checkError: async (error) => {
        const status = statusOf(error);
        if (status === 401) {
            clearSession();
            throw { message: (error as Error)?.message || 'ra.notification.logged_out' };
        }
        if (status === 403 && errorCode(error) === 'PASSWORD_CHANGE_REQUIRED') {
            markPasswordChangeRequired();
            throw {
                logoutUser: false,
                redirectTo: CHANGE_PASSWORD_PATH,
                message: (error as Error)?.message,
            };
        }
        // Any other 403 is an ordinary "not allowed": stay signed in, the page shows the error.
    },

    getIdentity: async () => toIdentity(await currentMe()),

    getPermissions: async () => (await currentMe()).permissions,

    canAccess: async ({ resource, action, record }) => {
        try {
            return hasPermission(await currentMe(), resource, action, record);
        } catch {
            return false;
        }
    },
};
