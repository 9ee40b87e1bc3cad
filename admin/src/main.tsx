import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { type SignedIn, SignInPage } from './boot/SignInPage';
import { getCurrentLocale } from './providers/locale';
import { type Me, setMe } from './providers/session';

/**
 * The first open: one request tells whether the browser has a session. Without one, the sign-in
 * page is drawn at once from this small entry (no react-admin, no retries of the 401) while the
 * console's code loads in the background; with one — or once signed in — the console starts.
 */
const root = createRoot(document.getElementById('root')!);
const loadConsole = () => import('./App');

const startConsole = async () => {
    const { App } = await loadConsole();
    root.render(
        <StrictMode>
            <App />
        </StrictMode>,
    );
};

const signedIn = (me: SignedIn) => {
    setMe(me as unknown as Me);
    // a first sign-in with an initial password goes straight to 柜员更密; a sign-in page URL goes home
    if (me.must_change_password) window.location.hash = '#/change-password';
    else if (!window.location.hash || window.location.hash.startsWith('#/login')) window.location.hash = '#/';
    void startConsole();
};

const boot = async () => {
    try {
        const res = await fetch('/api/auth/me', {
            credentials: 'same-origin',
            headers: { 'accept-language': getCurrentLocale() },
        });
        if (res.ok) {
            setMe((await res.json()) as Me);
            await startConsole();
            return;
        }
    } catch {
        // the server is unreachable: the sign-in page says so when the operator tries
    }
    root.render(
        <StrictMode>
            <SignInPage onSignedIn={signedIn} />
        </StrictMode>,
    );
    // fetch the console's code while the operator types
    setTimeout(() => void loadConsole(), 300);
};

void boot();
