import { callCard, expect, test } from './fixtures';

test('ringing: the number at once, then the caller, then the ticket lists', async ({ panel, cti, snap }) => {
  cti.ring('e2e-ring', '+33612345678');
  const card = callCard(panel, /06 12 34 56 78/);
  await expect(card).toBeVisible();
  await expect(card.getByText('Ringing')).toBeVisible();
  const caller = card.getByRole('region', { name: 'Camille Martin' });
  await expect(caller).toBeVisible();
  await expect(caller.getByText('Confirmed')).toBeVisible();
  await expect(caller.getByText('Acme France SAS').first()).toBeVisible();
  await expect(card.getByRole('region', { name: /this caller/i })).toBeVisible();
  await expect(card.getByRole('button', { name: /Open ticket R-000002/ }).first()).toBeVisible();
  await snap('01-ringing-caller-lists');

  // The ticket view: fields, description, public log and the iTop links built from the configured URL.
  await card.getByRole('button', { name: /Open ticket R-000002/ }).first().click();
  const dialog = panel.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: /R-000002/ })).toBeVisible();
  // iTop's HTML description is shown as text, never as markup.
  await expect(dialog.getByText(/sample ticket created through REST/)).toBeVisible();
  await expect(dialog).not.toContainText('<p>');
  await expect(dialog.getByRole('link', { name: 'Open in iTop' })).toHaveAttribute('href', /UI\.php/);
  await expect(dialog.getByRole('link', { name: 'Edit in iTop' })).toHaveAttribute('href', /UI\.php/);
  await snap('02-ticket-view');
  await panel.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('choosing another caller reloads the lists; Unknown clears them', async ({ panel, cti, snap }) => {
  // Anna Müller's number. Jonas Wolf's 030 1234567 (Globex, no Location: read as French, uncertain) ends with
  // the same 8 digits: offered after her as "probable: check", never selected, his tickets only once picked.
  cti.ring('e2e-choose', '+49301234567');
  const card = callCard(panel, /\+49 30 1234567/);
  const chooser = card.getByRole('radiogroup', { name: 'Who is calling?' });
  // Both work at Globex: the organization's list holds both people's tickets, the caller's list tells them apart.
  const callerList = card.getByRole('region', { name: /^User Requests opened for this caller/ });
  await expect(chooser.getByRole('radio', { name: /^Anna Müller/ })).toBeChecked();
  await expect(chooser.getByRole('radio')).toHaveCount(3); // Anna, Jonas (probable), Unknown: no "All"
  await expect(chooser.getByRole('radio', { name: /^Jonas Wolf.*probable: check/ })).not.toBeChecked();
  await expect(card.getByRole('region', { name: 'Anna Müller' }).getByText('Confirmed')).toBeVisible();
  await expect(callerList.getByRole('button', { name: /Open ticket R-000015/ })).toBeVisible();
  await expect(callerList.getByRole('button', { name: /Open ticket R-000040/ })).toHaveCount(0);

  await chooser.getByRole('radio', { name: /^Jonas Wolf/ }).check();
  await expect(card.getByRole('region', { name: 'Anna Müller' })).toBeHidden();
  await expect(card.getByRole('region', { name: 'Jonas Wolf' }).getByText('Probable')).toBeVisible();
  await expect(card.getByText(/Only the last digits match 030 1234567, stored without a known country/)).toBeVisible();
  // Anna's ticket R-000015 leaves the lists once they are reloaded for Jonas; his R-000040 comes in.
  await expect(callerList.getByRole('button', { name: /Open ticket R-000040/ })).toBeVisible();
  await expect(callerList.getByRole('button', { name: /Open ticket R-000015/ })).toHaveCount(0);
  await snap('03-other-caller-chosen');

  await chooser.getByRole('radio', { name: 'Unknown caller' }).check();
  await expect(card.getByText('Unknown caller: no ticket list.')).toBeVisible();
  await expect(card.getByRole('button', { name: /Open ticket/ })).toHaveCount(0);
  await snap('04-unknown-caller');

  // Keyboard: arrow keys move the choice back (native radio group).
  await chooser.getByRole('radio', { name: 'Unknown caller' }).focus();
  await panel.keyboard.press('ArrowUp');
  await expect(chooser.getByRole('radio', { name: /^Jonas Wolf/ })).toBeChecked();
});

test('several matches for one number are all shown, each selectable', async ({ panel, cti, snap }) => {
  cti.ring('e2e-several', '+33123456700');
  const card = callCard(panel, /01 23 45 67 00/);
  const chooser = card.getByRole('radiogroup', { name: 'Who is calling?' });
  await expect(chooser.getByRole('radio')).toHaveCount(4);
  await expect(card.getByRole('region', { name: 'Nathalie Girard' })).toBeVisible();
  await expect(card.getByRole('region', { name: 'Pierre Lambert' })).toBeVisible();
  await snap('05-several-matches');
  await panel.emulateMedia({ colorScheme: 'dark' });
  await snap('05b-several-matches-dark');
});

test('two concurrent calls are stacked, each with its own state and duration', async ({ panel, cti, snap }) => {
  cti.ring('e2e-first', '+33612345678');
  await expect(callCard(panel, /06 12 34 56 78/)).toBeVisible();
  cti.ring('e2e-second', '+442079460958');
  const second = callCard(panel, /\+44 20 7946 0958/);
  await expect(second.getByRole('region', { name: 'Oliver Taylor' })).toBeVisible();
  cti.answer('e2e-first', '+33612345678');
  const first = callCard(panel, /06 12 34 56 78/);
  await expect(first.getByText('In call')).toBeVisible();
  await expect(second.getByText('Ringing')).toBeVisible();
  await expect(panel.getByRole('article')).toHaveCount(2);
  // The ringing call comes first: it is the one that needs the agent now.
  await expect(panel.getByRole('article').first()).toHaveAccessibleName(/7946 0958/);
  await snap('06-two-concurrent-calls');

  cti.hangup('e2e-second', '+442079460958', 'noAnswer');
  await expect(second.getByText('Missed')).toBeVisible();
  await panel.getByRole('tab', { name: /History/ }).click();
  await expect(panel.getByRole('list', { name: 'Missed calls' }).getByText('Oliver Taylor')).toBeVisible();
  await snap('07-history-missed');
});

test('withheld number and unknown number say so honestly', async ({ panel, cti, snap }) => {
  cti.ring('e2e-withheld', 'anonymous');
  const withheld = callCard(panel, /Withheld number/);
  await expect(withheld.getByText('The caller hid their number: no lookup is possible.')).toBeVisible();
  cti.ring('e2e-nomatch', '+33999999999');
  const nomatch = callCard(panel, /09 99 99 99 99/);
  await expect(nomatch.getByText('No match in iTop for this number.')).toBeVisible();
  cti.ring('e2e-internal', '204');
  const internal = callCard(panel, /Internal extension 204/);
  await expect(internal.getByText('A colleague is calling: no customer lookup.')).toBeVisible();
  await snap('08-withheld-internal-no-match');
});
