/** Display labels for labs (the vocabularies live in src/schemas/lab.ts). */
import type { LabData } from '../../schemas/lab.ts';

export const LAB_LEVEL_LABELS: Record<LabData['level'], string> = {
	apprentice: 'Apprentice',
	practitioner: 'Practitioner',
	expert: 'Expert',
};
