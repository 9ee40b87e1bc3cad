import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { AppAppBar } from './AppAppBar';
import { AppMenu } from './AppMenu';
import { PasswordChangeGuard } from './PasswordChangeGuard';

export const AppLayout = ({ children }: { children: ReactNode }) => (
    <Layout appBar={AppAppBar} menu={AppMenu}>
        <PasswordChangeGuard />
        {children}
    </Layout>
);
