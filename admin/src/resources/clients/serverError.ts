/** The parts of an HttpError from providers/httpClient that the forms and dialogs read. */
interface ServerError {
    message?: string;
    status?: number;
    body?: { error?: { code?: string; message?: string; fields?: Record<string, unknown> } };
}

/** The server's (already localized) message for one field of a 400, if any. */
export const fieldMessage = (error: unknown, field: string): string | undefined => {
    const value = (error as ServerError | null)?.body?.error?.fields?.[field];
    return typeof value === 'string' ? value : undefined;
};

/**
 * What to tell the operator about a failed request: the field messages no input on the screen
 * shows (e.g. account_id: "账户已销户"), else the general message.
 */
export const errorText = (error: unknown, shownFields: readonly string[] = []): string => {
    const fields = (error as ServerError | null)?.body?.error?.fields ?? {};
    const hidden = Object.entries(fields)
        .filter(([key, value]) => !shownFields.includes(key) && typeof value === 'string')
        .map(([, value]) => value as string);
    if (hidden.length) return hidden.join('；');
    return (error as ServerError | null)?.message || 'ra.notification.http_error';
};
