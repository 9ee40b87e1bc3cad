import { SearchInput, useTranslate, type SearchInputProps } from 'react-admin';

/** SearchInput passes `placeholder` through untranslated; this one takes an i18n key. */
export const QuickSearchInput = ({ placeholder, ...props }: SearchInputProps) => {
    const translate = useTranslate();
    return <SearchInput {...props} placeholder={placeholder ? translate(placeholder) : undefined} />;
};
