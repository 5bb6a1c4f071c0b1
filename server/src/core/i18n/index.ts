export { t, placeholdersOf, type MessageArgs } from './t';
export { currentLocale, normaliseLocale, setLocale, withLocale, LOCALES, type Locale } from './locale';
export { CATALOGUES, DOMAINS, type MessageId } from './catalogue';
