import { useEffect } from 'react';
import { useGetIdentity, useLocation, useNavigate } from 'react-admin';
import { CHANGE_PASSWORD_PATH, type AppIdentity } from '../providers/authProvider';

/**
 * While the server requires a new password it refuses every other call (403
 * PASSWORD_CHANGE_REQUIRED), so keep the operator on the change-password page until done.
 */
export const PasswordChangeGuard = () => {
    const { data } = useGetIdentity();
    const location = useLocation();
    const navigate = useNavigate();
    const mustChange = (data as AppIdentity | undefined)?.must_change_password === true;
    useEffect(() => {
        if (mustChange && location.pathname !== CHANGE_PASSWORD_PATH) {
            navigate(CHANGE_PASSWORD_PATH, { replace: true });
        }
    }, [mustChange, location.pathname, navigate]);
    return null;
};
