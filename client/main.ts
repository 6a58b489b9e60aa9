import 'leaflet/dist/leaflet.css';
import './styles.css';
import { PlannerApp } from './app.js';
import './auth/account-menu.js';

const app = new PlannerApp();
app.start().catch((err: unknown) => {
  const box = document.querySelector('[data-testid="notice"]');
  if (box) { box.textContent = err instanceof Error ? err.message : String(err); box.classList.add('is-error'); (box as HTMLElement).hidden = false; }
  console.warn(err);
});
