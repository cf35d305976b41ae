import { expect, test } from './fixtures';

// Issue 17 §1 in web mode: the dial shortcut inside the page. The page's selection (or a pasted number when
// nothing is selected) becomes a pending dial that waits for the agent, as a link does.

test('Ctrl+Shift+D on a selected number queues it for confirmation; with nothing selected a paste field opens', async ({ panel, cti, snap }) => {
  const number = panel.getByRole('search', { name: 'Dial a number' }).getByRole('textbox', { name: 'Number to dial' });
  await number.fill('0612345678');
  await number.selectText();
  await panel.keyboard.press('Control+Shift+D');
  const pending = panel.getByRole('region', { name: 'Call 06 12 34 56 78?' });
  await expect(pending).toBeVisible();
  await expect(pending.getByText('Calling Camille Martin')).toBeVisible();
  await expect(pending.getByText('You asked to call the selected or copied number. Nothing is dialed until you confirm.')).toBeVisible();
  // Nothing is dialed before the agent confirms.
  await expect(cti.received((f) => f['command'] === 'dial', 500)).rejects.toThrow(/no matching frame/);
  await pending.getByRole('button', { name: 'Do not call' }).click();
  await expect(pending).toBeHidden();

  // Nothing selected: a paste field, no clipboard permission prompt.
  await panel.getByRole('tab', { name: 'History' }).click();
  await panel.keyboard.press('Control+Shift+D');
  const paste = panel.getByRole('form', { name: 'Dial a pasted number' });
  const field = paste.getByRole('textbox', { name: /Paste the number to dial/ });
  await expect(field).toBeFocused();
  await panel.keyboard.insertText('Call me at +33 1 23 45 67 89, thanks');
  await snap('62-dial-shortcut-paste');
  await panel.keyboard.press('Enter');
  await expect(paste).toBeHidden();
  // The pending dial is on the Calls page, which the shortcut brings forward.
  await expect(panel.getByRole('tab', { name: 'Calls' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByRole('region', { name: 'Call 01 23 45 67 89?' })).toBeVisible();

  // A text without a number says so and queues nothing.
  await panel.keyboard.press('Control+Shift+D');
  await panel.keyboard.insertText('see you tomorrow');
  await panel.keyboard.press('Enter');
  await expect(panel.getByRole('alert').filter({ hasText: /^Nothing to dial: .*No phone number in "see you tomorrow"$/ })).toBeVisible();
  await expect(panel.getByRole('region', { name: /^Call .*\?$/ })).toHaveCount(1);
});

test('the settings screen shows the shortcut working inside the page, and refuses a text that is not a shortcut', async ({ panel }) => {
  await panel.getByRole('tab', { name: 'Settings' }).click();
  const section = panel.getByRole('region', { name: 'Dial shortcut' });
  await expect(section.getByRole('status')).toHaveText('CommandOrControl+Shift+D works inside this page.');
  const keys = section.getByRole('textbox', { name: /^Keys/ });
  await keys.fill('Shift+D');
  await expect(section.getByText(/would catch ordinary typing/)).toBeVisible();
  await expect(section.getByRole('button', { name: 'Save' })).toBeDisabled();
  await keys.fill('Alt+F9');
  await section.getByRole('button', { name: 'Save' }).click();
  await expect(section.getByRole('status')).toHaveText('Alt+F9 works inside this page.');
});
