import { language } from './i18n.js';
import './ui/board-page.js';

document.documentElement.lang = language();
