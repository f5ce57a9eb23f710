import { language } from './i18n.js';
import './ui/start-page.js';

document.documentElement.lang = language();
