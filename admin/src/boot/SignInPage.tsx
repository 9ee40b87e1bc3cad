import { Alert, Box, Button, Card, CardContent, MenuItem, TextField, Typography } from '@mui/material';
import { type FormEvent, useEffect, useState } from 'react';
import { type AppLocale, getCurrentLocale, LOCALE_STORAGE_KEY, LOCALES, setCurrentLocale } from '../providers/locale';
import { getCsrfToken } from '../providers/session';
import { LOGIN_WORDS } from './loginMessages';

/** What a successful sign-in answers: the operator (kept in memory by the session module). */
export type SignedIn = { must_change_password?: boolean } & Record<string, unknown>;

/**
 * The sign-in page, drawn without react-admin so that a visitor without a session sees it at
 * once (the console's own code loads after the sign-in). It is also react-admin's login page
 * after a sign-out: one form for both. The server words every refusal (wrong password, lock,
 * disabled) in the chosen language.
 */
export const SignInPage = ({ onSignedIn }: { onSignedIn: (me: SignedIn) => void }) => {
    const [locale, setLocale] = useState<AppLocale>(getCurrentLocale());
    const words = LOGIN_WORDS[locale];
    const [username, setUsername] = useState('');
    const [password, setPassword] = useState('');
    const [touched, setTouched] = useState(false);
    const [busy, setBusy] = useState(false);
    const [error, setError] = useState<string | null>(null);

    useEffect(() => {
        document.title = words.title;
        document.documentElement.lang = locale;
    }, [words.title, locale]);

    const chooseLocale = (value: AppLocale) => {
        setLocale(value);
        setCurrentLocale(value);
        // react-admin's store reads the same key when it starts (JSON-encoded)
        try {
            localStorage.setItem(LOCALE_STORAGE_KEY, JSON.stringify(value));
        } catch {
            // private mode: the choice lasts for this page only
        }
    };

    const submit = async (event: FormEvent) => {
        event.preventDefault();
        setTouched(true);
        if (!username || !password) return;
        setBusy(true);
        setError(null);
        try {
            const res = await fetch('/api/auth/login', {
                method: 'POST',
                credentials: 'same-origin',
                headers: {
                    'content-type': 'application/json',
                    'accept-language': locale,
                    // signing in over a live session (another operator at the same counter) is a
                    // state change of that session: it carries its CSRF token like every other
                    ...(getCsrfToken() ? { 'x-csrf-token': getCsrfToken()! } : {}),
                },
                body: JSON.stringify({ username, password }),
            });
            const json = await res.json().catch(() => null);
            if (!res.ok) {
                setError(json?.error?.message ?? words.failed);
                return;
            }
            onSignedIn(json as SignedIn);
        } catch {
            setError(words.failed);
        } finally {
            setBusy(false);
        }
    };

    return (
        <Box
            sx={{
                position: 'fixed',
                inset: 0,
                overflow: 'auto',
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'center',
                background: 'linear-gradient(160deg, #1565c0 0%, #42a5f5 100%)',
            }}
        >
            <Card sx={{ width: 360 }} component="form" onSubmit={submit} noValidate>
                <CardContent sx={{ textAlign: 'center', pb: 0 }}>
                    <Typography variant="h6" component="h1">
                        {words.title}
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                        {words.subtitle}
                    </Typography>
                </CardContent>
                <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
                    <TextField
                        name="username"
                        label={words.username}
                        autoComplete="username"
                        autoFocus
                        required
                        value={username}
                        onChange={(e) => setUsername(e.target.value)}
                        error={touched && !username}
                        helperText={touched && !username ? words.required : ' '}
                    />
                    <TextField
                        name="password"
                        type="password"
                        label={words.password}
                        autoComplete="current-password"
                        required
                        value={password}
                        onChange={(e) => setPassword(e.target.value)}
                        error={touched && !password}
                        helperText={touched && !password ? words.required : ' '}
                    />
                    {error && <Alert severity="error">{error}</Alert>}
                    <Button type="submit" variant="contained" disabled={busy}>
                        {busy ? words.signing_in : words.sign_in}
                    </Button>
                    <TextField
                        select
                        size="small"
                        label={words.language}
                        value={locale}
                        onChange={(e) => chooseLocale(e.target.value as AppLocale)}
                    >
                        {LOCALES.map((l) => (
                            <MenuItem key={l.locale} value={l.locale}>
                                {l.name}
                            </MenuItem>
                        ))}
                    </TextField>
                </CardContent>
            </Card>
        </Box>
    );
};
