import * as assert from 'node:assert/strict';
import { httpRequest } from '../../../server/src/host/http-request';
import { type HostileServer, withServer } from './hostile-http';

// The host HTTP helper against real local servers that trickle or never stop: every call ends by
// its total deadline or its body cap, and the connection is dropped rather than drained.


/** Polls until the server saw the client hang up. */
async function clientHungUp(s: HostileServer): Promise<void> {
  while (s.closed === 0) {
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('host/http-request: total deadline and body caps (real local HTTP servers)', function () {
  this.timeout(20_000);

  it('a server that sends one byte a second forever fails at the total deadline, and the connection is dropped', async () => {
    await withServer({ kind: 'trickle', status: 200 }, async (s) => {
      await assert.rejects(httpRequest(new URL(s.url('/slow')), { method: 'GET', deadlineMs: 1500, maxBytes: 1024 }), /\/slow did not complete within 1500 ms/);
      await clientHungUp(s);
    });
  });

  it('an endless success body fails at the body cap', async () => {
    await withServer({ kind: 'endless', status: 200 }, async (s) => {
      await assert.rejects(httpRequest(new URL(s.url('/big')), { method: 'GET', deadlineMs: 60_000, maxBytes: 1024 * 1024 }), /sent more than 1048576 bytes/);
      await clientHungUp(s);
      // What the server got to send is the cap plus socket buffers, not the endless stream.
      assert.ok(s.written < 64 * 1024 * 1024, `${s.written} bytes written`);
    });
  });

  it('an endless error body is cut at maxErrorBytes and the answer returned', async () => {
    await withServer({ kind: 'endless', status: 500 }, async (s) => {
      const res = await httpRequest(new URL(s.url('/err')), { method: 'POST', body: Buffer.from('{}'), deadlineMs: 60_000, maxBytes: 1024, maxErrorBytes: 300 });
      assert.equal(res.status, 500);
      assert.equal(res.truncated, true);
      assert.equal(res.body.toString('utf8'), 'e'.repeat(300));
      await clientHungUp(s);
      assert.ok(s.written < 64 * 1024 * 1024, `${s.written} bytes written`);
    });
  });

  it('URL credentials never appear in an error message', async () => {
    await withServer({ kind: 'trickle', status: 200 }, async (s) => {
      const url = s.url('/slow', 'robot:hunter2-Zq8xW3@');
      await assert.rejects(httpRequest(new URL(url), { method: 'GET', deadlineMs: 500, maxBytes: 10 }), (e: Error) => {
        assert.match(e.message, /http:\/\/\*\*\*@127\.0\.0\.1:\d+\/slow did not complete/);
        assert.doesNotMatch(e.message, /hunter2|robot/);
        return true;
      });
    });
  });
});
