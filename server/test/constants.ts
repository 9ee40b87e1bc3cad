/** The demo operators' password in test databases. */
export const TEST_PASSWORD = 'Test2026pw';
