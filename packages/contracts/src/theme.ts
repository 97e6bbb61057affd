import { z } from 'zod';

export const THEMES = ['overview', 'parking', 'trauma', 'eco', 'grassroots'] as const;

export const Theme = z.enum(THEMES).meta({
  id: 'Theme',
  description:
    'Cockpit theme: overview (县域总览), parking (智慧诱导停车), trauma (创伤急救), eco (生态环保), grassroots (基层治理)',
});
export type Theme = z.infer<typeof Theme>;
