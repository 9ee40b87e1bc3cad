import type { TestProject } from 'vitest/node';
import { E2E_PASSWORD, startServer } from './server.js';

export { E2E_PASSWORD };

/** One console on the bare demo branch for the browser tests, stopped afterwards. */
export default async function setup(project: TestProject) {
    const server = await startServer();
    project.provide('baseUrl', server.base);
    project.provide('demoPassword', E2E_PASSWORD);
    return () => server.stop();
}

declare module 'vitest' {
    export interface ProvidedContext {
        baseUrl: string;
        demoPassword: string;
    }
}
