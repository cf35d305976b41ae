import { SIM_USERS } from '../itop-sim/credentials';
import { FAX_ORIGIN_CONFIG } from './creation-config';
import { callCard, expect, itopGet, test } from './fixtures';

// Issue 16: the quick-create form speaks the agent's language. Names instead of ids, iTop's enum labels,
// pickers scoped as iTop's own form scopes them, mandatory fields checked first, iTop's refusals next to the field.

test('quick-create on a call: names and selects, another caller picked by name, services of the organization\'s contracts; iTop holds the chosen ids', async ({ panel, cti, sim, snap }) => {
  cti.ring(`e2e-names-${Date.now()}`, '+33612345678');
  const card = callCard(panel, /06 12 34 56 78/);
  await card.getByRole('button', { name: 'Create User Request' }).click();
  const form = card.getByRole('form', { name: 'Create User Request' });
  const caller = form.getByRole('combobox', { name: 'Caller' });
  const organization = form.getByRole('combobox', { name: 'Organization' });
  await expect(caller).toHaveValue('Camille Martin');
  await expect(organization).toHaveValue('Acme France SAS');
  await expect(caller).toHaveAccessibleDescription(/from the call/);
  const origin = form.getByRole('combobox', { name: 'Origin' });
  await expect(origin).toHaveValue('phone');
  await expect(origin.locator('option:checked')).toHaveText('Phone');
  await expect(origin.locator('option')).toHaveText(['—', 'In-person', 'Chat', 'Email', 'Phone', 'Portal']);
  await expect(form.getByRole('link', { name: 'Open in iTop' })).toHaveAttribute('href', /default%5Borg_id%5D=4&default%5Bcaller_id%5D=42/);
  await expect(form.getByText(/iTop's own form opens with Organization: Acme France SAS · Caller: Camille Martin · Origin: Phone/)).toBeVisible();

  // Mandatory fields are checked before anything is sent.
  await form.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(form.getByRole('textbox', { name: 'Title', exact: true })).toHaveAccessibleDescription(/Required/);
  await expect(form.getByRole('alert')).toHaveText('Fill in the required fields first: Title, Description.');
  await expect(panel.getByRole('button', { name: /iTop writes: 0 pending, 0 to fix/ })).toBeVisible();

  // Another caller, found by a part of the name among Acme's persons.
  await caller.fill('bern');
  await form.getByRole('option', { name: 'Lucas Bernard' }).click();
  await expect(caller).toHaveValue('Lucas Bernard');
  await origin.selectOption({ label: 'Chat' });

  // The services Acme's customer contract offers, not Globex's; then the subcategories of that service.
  const service = form.getByRole('combobox', { name: 'Service', exact: true });
  await service.focus();
  await expect(form.getByRole('listbox').getByRole('option')).toHaveText(['Computers and peripherals', 'Telecom and connectivity']);
  await form.getByRole('option', { name: 'Telecom and connectivity' }).click();
  await expect(service).toHaveValue('Telecom and connectivity');
  const subcategory = form.getByRole('combobox', { name: 'Service subcategory' });
  await subcategory.focus();
  await expect(form.getByRole('listbox').getByRole('option')).toHaveText(['New mobile line']);
  await subcategory.press('Enter');
  await expect(subcategory).toHaveValue('New mobile line');

  const title = `Mobile line for Lucas ${Date.now()}`;
  await form.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  await form.getByRole('textbox', { name: 'Description' }).fill('Asked for on the phone');
  await snap('30-create-form-names');
  await form.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(panel.getByRole('dialog').getByRole('heading', { name: new RegExp(`R-\\d{6} · ${title}`) })).toBeVisible();
  const [ticket] = await itopGet(sim, 'UserRequest', `SELECT UserRequest WHERE title = '${title}'`, ['org_id', 'caller_id', 'origin', 'service_id', 'servicesubcategory_id', 'impact', 'urgency']);
  expect(ticket).toEqual({ org_id: '4', caller_id: '43', origin: 'chat', service_id: '2', servicesubcategory_id: '3', impact: '1', urgency: '4' });
});

test('another organization empties the caller, whose picker then offers that organization\'s persons only', async ({ panel, cti }) => {
  cti.ring(`e2e-org-${Date.now()}`, '+33612345678');
  const card = callCard(panel, /06 12 34 56 78/);
  await card.getByRole('button', { name: 'Create User Request' }).click();
  const form = card.getByRole('form', { name: 'Create User Request' });
  const organization = form.getByRole('combobox', { name: 'Organization' });
  await expect(organization).toHaveValue('Acme France SAS');
  await organization.fill('glob');
  await form.getByRole('option', { name: 'Globex GmbH' }).click();
  const caller = form.getByRole('combobox', { name: 'Caller' });
  await expect(caller).toHaveValue('');
  await caller.fill('bern');
  await expect(form.getByText('Nothing matches in iTop.')).toBeVisible();
});

test.describe('with a preset iTop refuses', () => {
  test.use({ companionConfig: FAX_ORIGIN_CONFIG });

  test('the refused value shows iTop\'s reason next to the field', async ({ panel, cti, snap }) => {
    cti.ring(`e2e-fax-${Date.now()}`, '+33612345678');
    const card = callCard(panel, /06 12 34 56 78/);
    await card.getByRole('button', { name: 'Create User Request' }).click();
    const form = card.getByRole('form', { name: 'Create User Request' });
    const origin = form.getByRole('combobox', { name: 'Origin' });
    await expect(origin).toHaveValue('fax');
    await expect(origin).toHaveAccessibleDescription(/preset/);
    await form.getByRole('textbox', { name: 'Title', exact: true }).fill('Faxed request');
    await form.getByRole('textbox', { name: 'Description' }).fill('The origin is not one of iTop\'s');
    await form.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(origin).toHaveAccessibleDescription(/Value not allowed \[fax\]/);
    await snap('31-create-form-refused');
    await origin.selectOption({ label: 'Phone' });
    await expect(origin).not.toHaveAccessibleDescription(/fax/);
  });
});

test.describe('as an iTop administrator (a Support Agent may not create persons)', () => {
  test.use({ itop: { user: SIM_USERS.ctiadmin.login, password: SIM_USERS.ctiadmin.password } });

  test('Create Person: the number from the call, the organization and the location chosen by name', async ({ panel, cti, sim, snap }) => {
    const number = '+33970112299';
    cti.ring(`e2e-person-${Date.now()}`, number);
    const card = callCard(panel, /09 70 11 22 99/);
    await card.getByRole('button', { name: 'Create Person' }).click();
    const form = card.getByRole('form', { name: 'Create Person' });
    await expect(form.getByRole('textbox', { name: 'Phone', exact: true })).toHaveValue(number);
    await expect(form.getByRole('textbox', { name: 'Phone', exact: true })).toHaveAccessibleDescription(/from the call/);
    await form.getByRole('textbox', { name: 'First Name' }).fill('Greta');
    await form.getByRole('textbox', { name: 'Last Name' }).fill(`Weber${Date.now()}`);
    const location = form.getByRole('combobox', { name: 'Location' });
    // No organization yet: the location picker says what it needs.
    await location.focus();
    await expect(form.getByText('Choose Organization first.')).toBeVisible();
    await form.getByRole('combobox', { name: 'Organization' }).fill('glob');
    await form.getByRole('option', { name: 'Globex GmbH' }).click();
    await location.focus();
    await expect(form.getByRole('listbox').getByRole('option')).toHaveText(['Globex Berlin']);
    await form.getByRole('option', { name: 'Globex Berlin' }).click();
    await snap('32-create-person');
    await form.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(form.getByRole('status')).toContainText('created');
    const [person] = await itopGet(sim, 'Person', `SELECT Person WHERE phone = '${number}'`, ['org_id', 'location_id', 'first_name', 'status']);
    expect(person).toEqual({ org_id: '5', location_id: '3', first_name: 'Greta', status: 'active' });
  });
  test('an unknown number is added to an existing person found by name, never by id', async ({ panel, cti, sim }) => {
    const number = '+33970112298';
    cti.ring(`e2e-add-number-${Date.now()}`, number);
    const card = callCard(panel, /09 70 11 22 98/);
    await card.getByText('Add this number to an existing person').click();
    const form = card.getByRole('form', { name: 'Add this number to an existing person' });
    const person = form.getByRole('combobox', { name: 'Person' });
    await person.fill('léa du');
    await form.getByRole('listbox').getByRole('option', { name: 'Léa Dubois' }).click();
    await expect(person).toHaveValue('Léa Dubois');
    await form.getByLabel('As').selectOption('mobile_phone');
    await form.getByRole('button', { name: 'Add the number' }).click();
    await expect(form.getByRole('status')).toHaveText('Number added to Léa Dubois: iTop is being updated.');
    await expect.poll(async () => (await itopGet(sim, 'Person', 44, ['mobile_phone']))[0]?.['mobile_phone']).toBe(number);
  });
});
