import * as assert from 'node:assert';
import type { Policy } from '../../../server/src/engine';
import { ALNUM, assertNoLeak, FakeSecrets, loadRules, policyFor, scan, URLSAFE } from './helpers';

type Sample = [string, string];

const CASES: Record<string, { bad: Sample[]; good: Sample[] }> = {
  'data/pii-in-logs': {
    bad: [
      ['a.ts', 'console.log("signup", user.email);'],
      ['a.ts', 'logger.info(`Charging card ${order.cardNumber}`);'],
      ['a.ts', 'console.log({ ssn, name });'],
      ['a.py', 'logging.info("user %s", user.date_of_birth)'],
      ['a.py', 'print(f"phone: {customer.phone_number}")'],
      ['a.py', 'logger.debug("iban=" + account.iban)'],
      ['a.go', 'log.Printf("passport %s", p.PassportNumber)'],
      ['A.java', 'System.out.println("DOB: " + user.getDob());'],
      ['A.java', 'LOG.info("email={}", customer.email);'],
      ['a.ts', 'console.log(emails);'],
    ],
    good: [
      ['a.ts', 'console.log("email sent");'],
      ['a.ts', 'console.log("signup", user.id);'],
      ['a.ts', 'console.log(user.emailVerified);'],
      ['a.ts', 'const email = user.email;'],
      ['a.py', 'print("Enter your phone number:")'],
      ['a.ts', 'console.log(adobeVersion);'],
      ['a.ts', '// console.log(user.email)'],
      ['a.md', 'console.log(user.email)'],
    ],
  },
  'data/env-dump': {
    bad: [
      ['a.ts', 'console.log(process.env);'],
      ['a.ts', 'logger.debug("env", JSON.stringify(process.env, null, 2));'],
      ['a.ts', 'res.json({ ...process.env });'],
      ['a.py', 'print(os.environ)'],
      ['a.py', 'logging.info("env: %s", dict(os.environ))'],
      ['a.go', 'fmt.Println(os.Environ())'],
      ['A.java', 'System.out.println(System.getenv());'],
    ],
    good: [
      ['a.ts', 'console.log(process.env.NODE_ENV);'],
      ['a.ts', 'console.log(process.env["PORT"]);'],
      ['a.py', 'print(os.environ.get("HOME"))'],
      ['a.py', 'print(os.environ["USER"])'],
      ['A.java', 'System.out.println(System.getenv("HOME"));'],
      ['a.ts', 'const env = { ...process.env, DEBUG: "1" };'],
    ],
  },
  'data/pii-in-test-fixture': {
    bad: [
      ['test/fixtures/users.json', '{ "name": "Ann", "ssn": "078-05-1120" }'],
      ['src/billing.test.ts', 'const card = "5105 1051 0510 5101";'],
      ['testdata/payments.csv', 'ann,4916338506082832,12/29'],
    ],
    good: [
      ['test/fixtures/users.json', '{ "ssn": "123-45-6789" }'],
      ['src/billing.test.ts', 'const card = "4242 4242 4242 4242";'],
      ['src/billing.test.ts', 'const card = "4111111111111111";'],
      ['src/billing.ts', 'const card = "4916338506082832";'],
      ['test/dates.test.ts', 'const d = "2024-01-15";'],
    ],
  },
};

describe('conductor:data', () => {
  let policy: Policy;
  before(() => {
    policy = policyFor('data');
  });

  it('has cases for every rule', () => {
    const ids = [...policy.resolved.patterns.keys()];
    assert.deepStrictEqual(ids.filter((id) => !CASES[id] && id !== 'data/secret-in-test-fixture'), []);
  });

  for (const [id, { bad, good }] of Object.entries(CASES)) {
    describe(id, () => {
      for (const [file, code] of bad) {
        it(`reports ${JSON.stringify(code.slice(0, 70))} (${file})`, () => {
          const ids = scan(policy, file, code + '\n').map((f) => f.ruleId);
          assert.deepStrictEqual(ids.filter((x) => x === id), [id], `findings: ${ids.join(', ')}`);
        });
      }
      for (const [file, code] of good) {
        it(`ignores ${JSON.stringify(code.slice(0, 70))} (${file})`, () => {
          const ids = scan(policy, file, code + '\n').map((f) => f.ruleId);
          assert.deepStrictEqual(ids.filter((x) => x === id), []);
        });
      }
    });
  }

  it('names the personal-data field in the message', () => {
    const [f] = scan(policy, 'a.ts', 'console.log("x", user.email);\n');
    assert.match(f.message, /\(email\)/);
  });

  describe('data/secret-in-test-fixture', () => {
    const fake = new FakeSecrets(3);
    const token = fake.chars(URLSAFE, 40);
    const password = fake.chars(ALNUM, 20);

    it('reports realistic credentials in fixtures, masked', () => {
      const samples: Sample[] = [
        ['test/fixtures/login.json', `{ "user": "ann", "password": "${password}" }`],
        ['src/api.spec.ts', `const headers = { Authorization: "Bearer ${token}" };`],
        ['tests/cassettes/get_user.yaml', `    Authorization: [Bearer ${token}]`],
      ];
      for (const [file, code] of samples) {
        const findings = scan(policy, file, code + '\n').filter((f) => f.ruleId === 'data/secret-in-test-fixture');
        assert.strictEqual(findings.length, 1, `${file}: ${code}`);
        assertNoLeak(findings, token);
        assertNoLeak(findings, password);
      }
    });

    it('ignores obvious fakes, low-entropy values and non-test files', () => {
      const samples: Sample[] = [
        ['test/fixtures/login.json', '{ "password": "test-password-123" }'],
        ['test/fixtures/login.json', '{ "token": "fake_token_for_tests" }'],
        ['test/fixtures/login.json', '{ "token": "aaaaaaaaaaaaaaaaaaaaaaaa" }'],
        ['src/api.ts', `const headers = { Authorization: "Bearer ${token}" };`],
      ];
      for (const [file, code] of samples) {
        const findings = scan(policy, file, code + '\n').filter((f) => f.ruleId === 'data/secret-in-test-fixture');
        assert.deepStrictEqual(findings, [], `${file}: ${code}`);
      }
    });
  });

  it('lets a team replace the field list by redefining data/pii-in-logs', () => {
    const { policy: custom, problems } = loadRules({
      extends: ['conductor:data'],
      patterns: [
        {
          id: 'data/pii-in-logs',
          regex: '\\b(?:console\\.log|logger\\.\\w+)\\s*\\([^;\\n]{0,200}?\\b(?<field>patientId|mrn)\\b',
          message: 'Health data ($<field>) in a log call.',
          severity: 'error',
          in: 'code',
        },
      ],
    });
    assert.deepStrictEqual(problems, []);
    const ids = (code: string) => scan(custom!, 'a.ts', code + '\n').map((f) => `${f.ruleId}:${f.severity}`);
    assert.deepStrictEqual(ids('console.log("visit", visit.mrn);'), ['data/pii-in-logs:error']);
    assert.deepStrictEqual(ids('console.log("signup", user.email);'), []);
  });
});
