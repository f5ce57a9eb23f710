// /b/{boardId}/series#{token}: how a series of meetings is going. Any token of any board of the
// series opens it; it is sent in a header, never in a URL.
import { language } from './i18n.js';
import './ui/series-page.js';

document.documentElement.lang = language();
