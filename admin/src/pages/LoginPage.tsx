import { type SignedIn, SignInPage } from '../boot/SignInPage';
import { type Me, setMe } from '../providers/session';

/**
 * react-admin's login page (after a sign-out or an expired session): the same form the first
 * open shows. After signing in, the page reloads into the console, which then starts from the
 * session like any first open.
 */
export const LoginPage = () => (
    <SignInPage
        onSignedIn={(me: SignedIn) => {
            setMe(me as unknown as Me);
            window.location.hash = me.must_change_password ? '#/change-password' : '#/';
            window.location.reload();
        }}
    />
);
