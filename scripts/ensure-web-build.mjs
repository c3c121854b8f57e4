// Builds the web app once if dist/web is missing, so `npm start` works on a fresh clone.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('dist/web/index.html')) {
  console.log('Đang dựng giao diện web (lần đầu)… / Building the web app (first run)…');
  execSync('npx vite build --config vite.config.ts --logLevel warn', { stdio: 'inherit' });
}
