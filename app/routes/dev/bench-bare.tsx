// The bench's "bare SSR page" (issue 13): the whole page shell (root loader, layout, header,
// footer) around a heading and a sentence, no data of its own. Kept for `npm run bench` only, so
// that content pages can change without moving the baseline.
import { useT } from '../../lib/i18n';

export function meta() {
  return [{ title: 'Työpeili' }];
}

export default function BenchBare() {
  const t = useT();
  return (
    <div className="page">
      <h1>{t('front.title')}</h1>
      <p>{t('footer.tagline')}</p>
    </div>
  );
}
