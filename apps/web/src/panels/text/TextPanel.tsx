import type { TextOptions } from '@cockpit/contracts';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Panel } from '../../components/Panel';
import type { PanelProps } from '../../layout/types';
import { panelTitle } from '../title';
import { textLines } from './transform';

type Options = z.infer<typeof TextOptions>;

/** The `text` panel type: a note the layout carries, shown as plain text (markup in it shows as typed). */
export default function TextPanel({ options }: PanelProps<Options>) {
  return <TextNote options={options} />;
}

export function TextNote({ options }: { options: Options }) {
  const { t, i18n } = useTranslation();
  const lines = textLines(options.text, i18n.language);
  return (
    <Panel title={panelTitle(options.title, i18n.language, t('layout.text'))} source={t('layout.textSource')}>
      <div className="text-note" data-testid="text-note">
        {lines.map((line, i) => (
          // Lines have no identity but their place; a note is replaced as a whole.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <p key={i}>{line || '\u00a0'}</p>
        ))}
      </div>
    </Panel>
  );
}
