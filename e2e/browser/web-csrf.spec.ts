import { createServer, type Server } from 'node:http';
import { expect, test } from './fixtures';

// Issue 11, items 1 and 4, in real Chromium: a page served by another local process on another loopback
// port, opened in the agent's signed-in browser, tries to crash the web host and to use the session cookie
// (SameSite=Strict sends it: every 127.0.0.1 port is the same site). Nothing it tries may work.

function neighbourPage(companion: string): string {
  return `<!doctype html><title>neighbour</title><body>
<img src="${companion}//[">
<a id="go" href="${companion}/?link=itop-cti%3A%2F%2Fdial%3Fnumber%3D%2B33111111111">call</a>
<script>
  const ws = new WebSocket('${companion.replace('http', 'ws')}/contract');
  ws.onopen = () => (document.title = 'socket-opened');
  ws.onerror = () => (document.title = 'socket-refused');
</script></body>`;
}

test('a page on another loopback port cannot crash the web host, open the contract socket or queue a dial', async ({ panel, companion, context }) => {
  let server: Server | undefined;
  try {
    server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(neighbourPage(companion.origin)));
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const neighbour = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;

    const attacker = await context.newPage();
    await attacker.goto(neighbour);
    await expect(attacker).toHaveTitle('socket-refused');
    // A script of the neighbour page sending the cookie along (no-cors: it cannot read the answer anyway).
    await attacker.evaluate((target) => fetch(target, { credentials: 'include', mode: 'no-cors' }).then(() => undefined, () => undefined), `${companion.origin}/?link=itop-cti%3A%2F%2Fdial%3Fnumber%3D%2B33122222222`);
    // A link on the neighbour page, clicked: a top-level navigation carrying the cookie.
    await attacker.goto(neighbour);
    await attacker.locator('#go').click();
    await expect(attacker.locator('body')).toContainText('another origin');

    // The host is alive, and the link clicked on the neighbour page queued nothing.
    await panel.reload();
    await expect(panel.getByRole('tab', { name: 'Calls' })).toBeVisible();
    await expect(panel.getByText(/^Call .*(11 11 11 11|22 22 22 22)\?$/)).toHaveCount(0);
    expect(companion.stderr()).toContain('link refused (sent by a page of another origin)');
  } finally {
    await new Promise((resolve) => server?.close(resolve));
  }
});
