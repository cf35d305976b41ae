import { join } from 'node:path';
import { z } from 'zod';
import { CallerSelection } from '../../../shared/contract/views';
import { createJsonFile } from '../app/json-file';

const MAX_REMEMBERED = 5000;

const ChoiceFile = z.object({
  version: z.literal(1),
  choices: z.record(z.string(), z.object({ selection: CallerSelection, at: z.number() })),
});
type ChoiceFile = z.infer<typeof ChoiceFile>;

/** The agent's last caller choice per number (E.164 when known), persisted in the data directory. */
export interface ChoiceMemory {
  recall(number: string): CallerSelection | undefined;
  remember(number: string, selection: CallerSelection): Promise<void>;
  flush(): Promise<void>;
}

export async function openChoiceMemory(deps: { dataDir: string; now: () => number; log?: (message: string) => void }): Promise<ChoiceMemory> {
  const file = createJsonFile(join(deps.dataDir, 'caller-choices.json'), ChoiceFile, (): ChoiceFile => ({ version: 1, choices: {} }), deps.log);
  const data = await file.read();
  const choices = new Map(Object.entries(data.choices));
  return {
    recall: (number) => choices.get(number)?.selection,
    remember(number, selection) {
      choices.delete(number); // re-insert so Map order stays "oldest first" for trimming
      choices.set(number, { selection, at: deps.now() });
      while (choices.size > MAX_REMEMBERED) {
        const oldest = choices.keys().next().value;
        if (oldest === undefined) break;
        choices.delete(oldest);
      }
      return file.write({ version: 1, choices: Object.fromEntries(choices) });
    },
    flush: () => file.flush(),
  };
}
