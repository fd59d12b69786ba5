import { base62Crc32 } from '../../../server/src/engine/check/secret-checksum';
import { ALNUM, BASE64, DIGITS, FakeSecrets, HEX, LOWER, UPPER, URLSAFE } from './helpers';

/** One planted credential: the file it sits in, and the value that must never appear in a finding. */
export interface SecretCase {
  id: string;
  path: string;
  text: string;
  secret: string;
  /** Further fragments that must not leak (e.g. each line of a key body). */
  fragments?: string[];
}

/** Near-misses that must not be reported by the rule. */
export interface NegativeCase {
  id: string;
  path: string;
  text: string;
  why: string;
}

const TS = 'src/config.ts';
const LOWER_DIGITS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A GitHub/npm-style token: prefix, 30 random base62 characters, their CRC32 in base62. */
export function checksummed(prefix: string, random: string): string {
  return `${prefix}_${random}${base62Crc32(random)}`;
}

/** A UUID-shaped key (Heroku, Snyk, HubSpot). */
export function uuid(c: (alphabet: string, n: number) => string): string {
  return `${c(HEX, 8)}-${c(HEX, 4)}-4${c(HEX, 3)}-a${c(HEX, 3)}-${c(HEX, 12)}`;
}

/** Every credential type in conductor:secrets, with a format-valid fake value generated at run time. */
export function secretCases(seed = 7): SecretCase[] {
  const f = new FakeSecrets(seed);
  const c = (alphabet: string, n: number): string => f.chars(alphabet, n);
  const out: SecretCase[] = [];
  const add = (id: string, secret: string, text: (v: string) => string, path = TS, fragments?: string[]): void => {
    out.push({ id: `secrets/${id}`, path, text: text(secret), secret, fragments });
  };
  const str = (name: string) => (v: string) => `export const ${name} = "${v}";\n`;

  add('aws-access-key-id', 'AKIA' + c(UPPER + '234567', 16), str('accessKeyId'));
  add('aws-secret-access-key', c(BASE64, 40), (v) => `[default]\naws_secret_access_key = ${v}\n`, 'deploy/credentials');
  add('gcp-service-account-key', c(HEX, 40), (v) => `{\n  "type": "service_account",\n  "project_id": "demo",\n  "private_key_id": "${v}",\n  "client_email": "svc@demo.iam.gserviceaccount.com"\n}\n`, 'keys/sa.json');
  add('gcp-api-key', 'AIza' + c(URLSAFE, 35), str('mapsKey'));
  add('google-oauth-client-secret', 'GOCSPX-' + c(URLSAFE, 28), str('oauthClientSecret'));
  add('azure-storage-account-key', c(BASE64, 86) + '==', (v) => `const conn = "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${v};EndpointSuffix=core.windows.net";\n`);
  add('azure-sas-token', c(ALNUM + '%', 43) + '%3D', (v) => `const url = "https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&spr=https&sig=${v}";\n`);
  add('azure-shared-access-key', c(BASE64, 43) + '=', (v) => `const bus = "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=${v}";\n`);
  add('azure-ad-client-secret', c(ALNUM, 3) + c(DIGITS, 1) + 'Q~' + c(ALNUM + '_~.-', 32) + 'a', str('entraClientSecret'));
  add('alibaba-access-key-id', 'LTAI' + c(ALNUM, 20), str('aliId'));
  add('alibaba-access-key-secret', c(ALNUM, 30), (v) => `const client = new Core({ accessKeySecret: '${v}' });\n`);
  add('digitalocean-token', 'dop_v1_' + c(HEX, 64), str('doToken'));
  add('heroku-api-key', 'HRKU-AA' + c(URLSAFE, 58), str('herokuKey'));
  add('terraform-cloud-token', c(ALNUM, 14) + '.atlasv1.' + c(URLSAFE, 67), (v) => `credentials "app.terraform.io" {\n  token = "${v}"\n}\n`, 'infra/terraformrc.hcl');
  add('vault-token', 'hvs.' + c(URLSAFE, 90), (v) => `export VAULT_ADDR=https://vault.acme.io\nexport VAULT_TOKEN=${v}\n`, 'scripts/env.sh');
  add('doppler-token', 'dp.st.prd.' + c(ALNUM, 40), str('dopplerToken'));
  add('pulumi-token', 'pul-' + c(HEX, 40), str('pulumiToken'));
  add('databricks-token', 'dapi' + c(HEX, 32), str('databricksToken'));
  add('planetscale-token', 'pscale_tkn_' + c(URLSAFE, 43), str('pscale'));
  add('supabase-token', 'sbp_' + c(HEX, 40), str('supabaseAccess'));
  add('vercel-token', 'vcp_' + c(ALNUM, 24), str('vercel'));
  add('cloudflare-api-token', 'cfut_' + c(ALNUM, 40), (v) => `CLOUDFLARE_API_TOKEN=${v}\n`, 'deploy/notes.txt');
  add('cloudflare-origin-ca-key', `v1.0-${c(HEX, 24)}-${c(HEX, 146)}`, (v) => `origin_ca_key = "${v}"\n`, 'infra/cloudflare.tf');
  add('flyio-token', 'fo1_' + c(URLSAFE, 43), (v) => `FLY_API_TOKEN: ${v}\n`, '.github/workflows/deploy.yml');
  add('onepassword-service-account-token', 'ops_eyJ' + c(BASE64, 300), (v) => `ENV OP_SERVICE_ACCOUNT_TOKEN=${v}\n`, 'Dockerfile');
  add('github-classic-token', checksummed('ghp', c(ALNUM, 30)), (v) => `const octokit = new Octokit({ auth: "${v}" });\n`);
  add('github-oauth-token', checksummed('gho', c(ALNUM, 30)), str('ghOauth'));
  add('github-app-token', 'ghs_' + c(ALNUM, 36), str('ghInstallation'));
  add('github-refresh-token', 'ghr_' + c(ALNUM, 76), str('ghRefresh'));
  add('github-fine-grained-token', 'github_pat_' + c(ALNUM, 22) + '_' + c(ALNUM, 59), str('ghFine'));
  add('gitlab-personal-access-token', 'glpat-' + c(URLSAFE, 20), (v) => `GITLAB_TOKEN: "${v}"\n`, '.gitlab-ci.yml');
  add('gitlab-token', 'glrt-' + c(URLSAFE, 20), (v) => `gitlab-runner register --token ${v}\n`, 'scripts/runner.sh');
  add('atlassian-api-token', 'ATATT3' + c(URLSAFE + '=', 180), str('jiraToken'));
  add('npm-token', checksummed('npm', c(ALNUM, 30)), str('npmToken'));
  add('npmrc-auth-token', c(ALNUM, 40), (v) => `//registry.acme.io/:_authToken=${v}\n`, '.npmrc');
  add('pypi-token', 'pypi-AgEIcHlwaS5vcmc' + c(URLSAFE, 160), (v) => `[pypi]\nusername = __token__\npassword = ${v}\n`, '.pypirc');
  add('docker-hub-token', 'dckr_pat_' + c(URLSAFE, 27), (v) => `echo ${v} | docker login -u acme --password-stdin\n`, 'scripts/push.sh');
  add('jfrog-token', 'AKCp' + c(ALNUM, 69), (v) => `artifactory_api_key: ${v}\n`, 'ci/artifactory.yaml');
  add('sourcegraph-token', 'sgp_' + c(HEX, 16) + '_' + c(HEX, 40), str('sourcegraph'));
  add('snyk-api-token', uuid(c), (v) => `SNYK_TOKEN=${v}\n`, 'ci/snyk.txt');
  add('docker-config-auth', c(BASE64, 40) + '=', (v) => `{\n  "auths": {\n    "registry.acme.io": {\n      "auth": "${v}"\n    }\n  }\n}\n`, '.docker/config.json');
  add('slack-bot-token', `xoxb-${c(DIGITS, 11)}-${c(DIGITS, 12)}-${c(ALNUM, 24)}`, str('slackBot'));
  add('slack-user-token', `xoxp-${c(DIGITS, 11)}-${c(DIGITS, 11)}-${c(DIGITS, 12)}-${c(HEX, 32)}`, str('slackUser'));
  add('slack-config-token', `xoxe.xoxp-1-${c(ALNUM, 166)}`, str('slackConfig'));
  add('microsoft-teams-webhook-url', `${uuid(c)}@${uuid(c)}/IncomingWebhook/${c(HEX, 32)}/${uuid(c)}`, (v) => `teams_url: https://acme.webhook.office.com/webhookb2/${v}\n`, 'ops/alerts.yaml');
  add('zapier-webhook-url', `${c(DIGITS, 7)}/${c(LOWER_DIGITS, 7)}`, (v) => `ZAP = "https://hooks.zapier.com/hooks/catch/${v}/"\n`, 'tools/notify.py');
  add('hubspot-api-key', `pat-na1-${uuid(c)}`, str('hubspot'));
  add('slack-app-token', `xapp-1-${c(UPPER + DIGITS, 11)}-${c(DIGITS, 13)}-${c(HEX, 64)}`, str('slackApp'));
  add('slack-legacy-token', `xoxa-2-${c(ALNUM, 30)}`, str('slackLegacy'));
  add('slack-webhook-url', `T${c(UPPER + DIGITS, 8)}/B${c(UPPER + DIGITS, 10)}/${c(ALNUM, 24)}`, (v) => `const hook = "https://hooks.slack.com/services/${v}";\n`);
  add('discord-bot-token', `MT${c(ALNUM, 24)}.${c(URLSAFE, 6)}.${c(URLSAFE, 38)}`, (v) => `import { Client } from "discord.js";\nclient.login("${v}");\n`);
  add('discord-webhook-url', c(URLSAFE, 68), (v) => `const hook = "https://discord.com/api/webhooks/${c(DIGITS, 18)}/${v}";\n`);
  add('telegram-bot-token', `${c(DIGITS, 10)}:AA${c(URLSAFE, 33)}`, str('telegramBot'));
  add('twilio-api-key', 'SK' + c(HEX, 32), str('twilioKeySid'));
  add('twilio-auth-token', c(HEX, 32), (v) => `TWILIO_AUTH_TOKEN = "${v}"\n`, 'app/settings.py');
  add('sendgrid-api-key', `SG.${c(URLSAFE, 22)}.${c(URLSAFE, 43)}`, str('sendgrid'));
  add('mailgun-api-key', 'key-' + c(HEX, 32), str('mailgun'));
  add('mailchimp-api-key', c(HEX, 32) + '-us14', str('mailchimp'));
  add('linear-api-key', 'lin_api_' + c(ALNUM, 40), str('linear'));
  add('notion-token', 'ntn_' + c(DIGITS, 11) + c(ALNUM, 35), str('notion'));
  add('postman-api-key', `PMAK-${c(HEX, 24)}-${c(HEX, 34)}`, str('postman'));
  add('figma-token', 'figd_' + c(URLSAFE, 40), str('figma'));
  add('stripe-secret-key', 'sk_live_' + c(ALNUM, 24), (v) => `const stripe = new Stripe("${v}");\n`);
  add('stripe-restricted-key', 'rk_live_' + c(ALNUM, 24), str('stripeRestricted'));
  add('stripe-test-key', 'sk_test_' + c(ALNUM, 24), str('stripeTest'));
  add('stripe-webhook-secret', 'whsec_' + c(ALNUM, 32), str('stripeWebhook'));
  add('shopify-token', 'shpat_' + c(HEX, 32), str('shopify'));
  add('square-access-token', 'sq0atp-' + c(URLSAFE, 22), str('square'));
  add('square-oauth-secret', 'sq0csp-' + c(URLSAFE, 43), str('squareOauth'));
  add('openai-api-key', `sk-proj-${c(URLSAFE, 74)}T3BlbkFJ${c(URLSAFE, 74)}`, (v) => `client = OpenAI(api_key="${v}")\n`, 'app/llm.py');
  add('anthropic-api-key', 'sk-ant-api03-' + c(URLSAFE, 93) + 'AA', (v) => `client = anthropic.Anthropic(api_key="${v}")\n`, 'app/claude.py');
  add('huggingface-token', 'hf_' + c(ALNUM, 34), str('hfToken'));
  add('groq-api-key', 'gsk_' + c(ALNUM, 52), str('groq'));
  add('sentry-dsn-secret', c(HEX, 32), (v) => `Sentry.init({ dsn: "https://${c(HEX, 32)}:${v}@o1.ingest.sentry.io/42" });\n`);
  add('sentry-auth-token', 'sntryu_' + c(HEX, 64), str('sentryAuth'));
  add('datadog-api-key', c(HEX, 32), (v) => `DD_API_KEY=${v}\n`, '.env');
  add('new-relic-key', 'NRAK-' + c(UPPER + DIGITS, 27), str('newRelic'));
  add('grafana-token', `glsa_${c(ALNUM, 32)}_${c(HEX, 8)}`, str('grafana'));
  add('huggingface-org-token', 'api_org_' + c(UPPER + LOWER, 34), str('hfOrg'));
  add('pinecone-api-key', `pcsk_${c(ALNUM, 6)}_${c(ALNUM, 63)}`, (v) => `pc = Pinecone(api_key="${v}")\n`, 'app/vectors.py');
  add('langsmith-api-key', `lsv2_pt_${c(HEX, 32)}_${c(HEX, 10)}`, (v) => `LANGSMITH_API_KEY=${v}\n`, 'notes.txt');
  add('mapbox-secret-token', `sk.eyJ${c(URLSAFE, 60)}.${c(URLSAFE, 22)}`, str('mapbox'));

  const pem = (label: string, lines: string[]) => `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
  const bodyLines = (n: number) => Array.from({ length: n }, () => c(BASE64, 64));
  const rsa = bodyLines(6);
  out.push({ id: 'secrets/private-key', path: 'certs/server.key', text: pem('RSA PRIVATE KEY', rsa), secret: rsa.join('\n'), fragments: rsa });
  const pkcs8 = bodyLines(4);
  out.push({
    id: 'secrets/private-key',
    path: 'src/key.ts',
    text: `const key = "${pem('PRIVATE KEY', pkcs8).replace(/\n/g, '\\n')}";\n`,
    secret: pkcs8.join('\\n'),
    fragments: pkcs8,
  });
  const ssh = bodyLines(5);
  out.push({ id: 'secrets/openssh-private-key', path: 'deploy/id_ed25519', text: pem('OPENSSH PRIVATE KEY', ssh), secret: ssh.join('\n'), fragments: ssh });
  const pgp = bodyLines(5);
  out.push({ id: 'secrets/pgp-private-key', path: 'keys/signing.asc', text: `-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\n${pgp.join('\n')}\n-----END PGP PRIVATE KEY BLOCK-----\n`, secret: pgp.join('\n'), fragments: pgp });
  const putty = bodyLines(3);
  out.push({
    id: 'secrets/putty-private-key',
    path: 'keys/deploy.ppk',
    text: `PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n${c(BASE64, 64)}\n${c(BASE64, 40)}\nPrivate-Lines: 3\n${putty.join('\n')}\nPrivate-MAC: ${c(HEX, 40)}\n`,
    secret: putty.join('\n'),
    fragments: putty,
  });
  add('age-secret-key', 'AGE-SECRET-KEY-1' + c('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58), (v) => `# created: 2024-01-01\n${v}\n`, 'keys/age.txt');
  add('jwt', `eyJ${c(URLSAFE, 30)}.eyJ${c(URLSAFE, 40)}.${c(URLSAFE, 43)}`, str('sessionJwt'));
  add('authorization-header', c(URLSAFE, 40), (v) => `fetch(url, { headers: { Authorization: "Bearer ${v}" } });\n`);
  add('postgres-url-password', c(ALNUM, 18), (v) => `DATABASE_URL = "postgresql://app:${v}@db.acme.io:5432/app"\n`, 'app/settings.py');
  add('mysql-url-password', c(ALNUM, 18), (v) => `const url = "mysql://app:${v}@mysql.acme.io/shop";\n`);
  add('mongodb-url-password', c(ALNUM, 18), (v) => `const uri = "mongodb+srv://app:${v}@cluster0.abcde.mongodb.net/db";\n`);
  add('redis-url-password', c(ALNUM, 18), (v) => `const cache = "redis://default:${v}@cache.acme.io:6379";\n`);
  add('amqp-url-password', c(ALNUM, 18), (v) => `const broker = "amqps://worker:${v}@mq.acme.io/vhost";\n`);
  add('url-basic-auth', c(ALNUM, 20), (v) => `git remote add origin https://deploy:${v}@git.acme.io/team/app.git\n`, 'scripts/clone.sh');
  add('curl-basic-auth', c(ALNUM, 14), (v) => `curl -sS -u deploy:${v} https://ci.acme.io/api/json\n`, 'scripts/poll.sh');
  add('generic-assignment', c(ALNUM + '!%*', 16), (v) => `const dbPassword = "${v}";\n`);
  add('generic-config-assignment', c(ALNUM, 32), (v) => `NODE_ENV=production\nSESSION_SECRET=${v}\n`, '.env');
  return out;
}

/** Values that look close to a credential but must not be reported by the named rule. */
export function secretNegatives(seed = 11): NegativeCase[] {
  const f = new FakeSecrets(seed);
  const c = (alphabet: string, n: number): string => f.chars(alphabet, n);
  const n = (id: string, why: string, text: string, path = TS): NegativeCase => ({ id: `secrets/${id}`, why, text, path });
  return [
    n('aws-access-key-id', 'AKIA inside a longer word', `const s = "XAKIA${c(UPPER, 16)}";\n`),
    n('aws-access-key-id', 'one character too long', `const s = "AKIA${c(UPPER, 17)}";\n`),
    n('aws-access-key-id', 'AWS documentation example', 'const s = "AKIA' + 'IOSFODNN7EXAMPLE";\n'),
    n('aws-access-key-id', 'lower case is not a key id', `const s = "akia${c(LOWER_DIGITS, 16)}";\n`),
    n('aws-secret-access-key', 'AWS documentation example', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY' + 'EXAMPLEKEY\n', 'deploy/credentials'),
    n('aws-secret-access-key', 'read from the environment', 'const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;\n'),
    n('gcp-api-key', 'too short', `const k = "AIza${c(URLSAFE, 20)}";\n`),
    n('github-classic-token', 'too short', `const t = "ghp_${c(ALNUM, 20)}";\n`),
    n('github-classic-token', 'placeholder', `const t = "ghp_${'x'.repeat(36)}";\n`),
    n('github-classic-token', 'repeated character filler', `const t = "ghp_${'0'.repeat(36)}";\n`),
    n('github-classic-token', 'inside an identifier', `const t = "myghp_${c(ALNUM, 36)}";\n`),
    n('slack-webhook-url', 'placeholder path', 'const hook = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";\n'),
    n('stripe-secret-key', 'publishable key is public', `const pk = "pk_live_${c(ALNUM, 24)}";\n`),
    n('discord-bot-token', 'first part is not the base64 of a numeric id', `const t = "Ma${c(ALNUM, 24)}.${c(URLSAFE, 6)}.${c(URLSAFE, 38)}";\n`),
    n('github-classic-token', 'CRC32 tail does not match', `const t = "ghp_${c(ALNUM, 36)}";\n`),
    n('generic-assignment', 'a GitHub token its own rule rejected as malformed', `const token = "ghp_${c(ALNUM, 36)}";\n`),
    n('npm-token', 'CRC32 tail does not match', `const t = "npm_${c(ALNUM, 36)}";\n`),
    n('anthropic-api-key', 'wrong length', `const k = "sk-ant-api03-${c(URLSAFE, 40)}";\n`),
    n('gitlab-personal-access-token', 'body of the wrong length', `const t = "glpat-${c(URLSAFE, 24)}";\n`),
    n('gitlab-token', 'runner token prefix with a short body', `const t = "glrt-${c(URLSAFE, 12)}";\n`),
    n('sentry-auth-token', 'user token with a non-hex body', `const t = "sntryu_${c(UPPER, 64)}";\n`),
    n('openai-api-key', 'project key without the T3BlbkFJ marker', `const k = "sk-proj-${c(URLSAFE, 48)}";\n`),
    n('pypi-token', 'too short for a PyPI macaroon', `password = pypi-AgEIcHlwaS5vcmc${c(URLSAFE, 60)}\n`, '.pypirc'),
    n('heroku-api-key', 'HRKU- with a short body', `const k = "HRKU-${c(URLSAFE, 30)}";\n`),
    n('azure-storage-account-key', 'Azurite emulator key published by Microsoft', 'AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=' + 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq' + '/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"\n', '.env'),
    n('curl-basic-auth', 'credentials from the environment', 'curl -u "$CI_USER:$CI_TOKEN" https://ci.acme.io/api/json\n', 'scripts/poll.sh'),
    n('authorization-header', 'an identifier, not a value', 'headers.Authorization = getAuthorizationHeaderValue(session);\n'),
    n('docker-config-auth', 'credential helper, no auth value', '{\n  "auths": { "registry.acme.io": {} },\n  "credsStore": "desktop"\n}\n', '.docker/config.json'),
    n('slack-bot-token', 'too short to be a token', 'const t = "xoxb-1234-abc";\n'),
    n('private-key', 'header checked in code, no key material', 'if (pem.startsWith("-----BEGIN RSA PRIVATE KEY-----")) { return parseRsa(pem); }\n'),
    n('private-key', 'public key', `-----BEGIN PUBLIC KEY-----\n${c(BASE64, 64)}\n-----END PUBLIC KEY-----\n`, 'certs/pub.pem'),
    n('jwt', 'header only', 'const header = "eyJhbGciOiJIUzI1NiJ9";\n'),
    n('authorization-header', 'token from a variable', 'fetch(url, { headers: { Authorization: "Bearer " + token } });\n'),
    n('authorization-header', 'template with a variable', 'fetch(url, { headers: { Authorization: `Bearer ${token}` } });\n'),
    n('postgres-url-password', 'password from the environment', 'const url = `postgres://app:${process.env.PGPASSWORD}@db.acme.io/app`;\n'),
    n('postgres-url-password', 'no password', 'const url = "postgres://db.acme.io:5432/app";\n'),
    n('postgres-url-password', 'docker default', 'DATABASE_URL=postgres://postgres:postgres@localhost:5432/app\n', '.env'),
    n('amqp-url-password', 'RabbitMQ default guest', 'const broker = "amqp://guest:guest@localhost:5672";\n'),
    n('url-basic-auth', 'placeholder password', 'const url = "https://user:password@host.acme.io/";\n'),
    n('url-basic-auth', 'template placeholder', 'const url = "https://<user>:<password>@host.acme.io/";\n'),
    n('generic-assignment', 'placeholder', 'const password = "changeme";\n'),
    n('generic-assignment', 'your-… placeholder', 'const apiKey = "your-api-key-here";\n'),
    n('generic-assignment', 'a call, not a literal', 'const password = getPassword();\n'),
    n('generic-assignment', 'name does not end in a secret word', 'const tokenUrl = "https://auth.acme.io/oauth/token";\n'),
    n('generic-assignment', 'a name, not a value', 'const secret = "SESSION_SECRET";\n'),
    n('generic-assignment', 'comparison, not assignment', `if (password === "${c(ALNUM, 16)}") { deny(); }\n`),
    n('generic-assignment', 'low entropy', 'const password = "aaaabbbb";\n'),
    n('generic-assignment', 'template variable', 'const token = "${TOKEN}";\n'),
    n('generic-assignment', 'test files are left to conductor:data', `const dbPassword = "${c(ALNUM, 16)}";\n`, 'src/db.test.ts'),
    n('generic-config-assignment', 'example env file', `SESSION_SECRET=${c(ALNUM, 32)}\n`, '.env.example'),
    n('generic-config-assignment', 'variable reference', 'DB_PASSWORD=${VAULT_DB_PASSWORD}\n', '.env'),
    n('generic-config-assignment', 'not a config file', `SESSION_SECRET=${c(ALNUM, 32)}\n`, 'src/notes.ts'),
    n('npmrc-auth-token', 'environment reference', '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n', '.npmrc'),
    n('twilio-api-key', 'too short', `const sid = "SK${c(HEX, 20)}";\n`),
  ];
}
