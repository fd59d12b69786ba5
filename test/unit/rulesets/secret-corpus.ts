import * as fs from 'fs';
import * as path from 'path';
import { checksummed, uuid } from './secret-cases';
import { ALNUM, BASE64, DIGITS, FakeSecrets, HEX, LOWER, UPPER, URLSAFE } from './helpers';

// The labelled corpus behind the recall / false-positive figures (unit test and `npm run bench`).
// Positives follow each provider's published token format (checksums computed); negatives are the
// near-misses scanners trip on: wrong lengths and alphabets, broken checksums, published example
// values, placeholders, references, hashes, UUIDs and base64 that are not credentials. Every value is
// synthesised here at run time, so the repository holds no credential-shaped literal (push protection,
// other scanners); `writeSecretCorpus` materialises it as files plus a manifest of labels.

export interface CorpusSample {
  /** Stable name: label/kind/file-type. */
  name: string;
  label: 'positive' | 'negative';
  /** Relative path; the extension or file name is the file type. */
  path: string;
  text: string;
  /** Positives: the credential, which must be reported on `line` and never appear in any output. */
  secret?: string;
  line?: number;
}

type Gen = (alphabet: string, n: number) => string;

/** One credential in a file of a given type: the assignment written the way that file type writes it. */
const CONTEXTS: Record<string, (name: string, value: string) => string> = {
  'config.yaml': (k, v) => `service:\n  region: eu-west-1\n  ${k.toLowerCase()}: ${v}\n`,
  'settings.json': (k, v) => `{\n  "region": "eu-west-1",\n  "${k}": "${v}"\n}\n`,
  '.env': (k, v) => `NODE_ENV=production\n${k.toUpperCase()}=${v}\n`,
  'notes.txt': (k, v) => `Handover notes for the deploy box.\n${k}: ${v}\n`,
  'client.py': (k, v) => `import os\n\n${k.toLowerCase()} = "${v}"\n`,
  'client.ts': (k, v) => `import { connect } from './net';\n\nexport const ${k} = '${v}';\n`,
  'README.md': (k, v) => `## Setup\n\n\`\`\`sh\nexport ${k.toUpperCase()}=${v}\n\`\`\`\n`,
  Dockerfile: (k, v) => `FROM node:22-alpine\nENV ${k.toUpperCase()}=${v}\nCMD ["node", "server.js"]\n`,
  'deploy.sh': (k, v) => `#!/bin/sh\nset -e\nexport ${k.toUpperCase()}="${v}"\n`,
  'main.tf': (k, v) => `provider "acme" {\n  ${k.toLowerCase()} = "${v}"\n}\n`,
  'app.properties': (k, v) => `app.name=shop\n${k}=${v}\n`,
  'Config.java': (k, v) => `class Config {\n  static final String ${k.toUpperCase()} = "${v}";\n}\n`,
  'main.go': (k, v) => `package main\n\nconst ${k} = "${v}"\n`,
  'settings.toml': (k, v) => `[service]\n${k.toLowerCase()} = "${v}"\n`,
  'web.xml': (k, v) => `<config>\n  <${k}>${v}</${k}>\n</config>\n`,
};
const TYPES = Object.keys(CONTEXTS);

/** A provider token: its name in code and its value. */
interface Token {
  kind: string;
  key: string;
  value: string;
}

function providerTokens(c: Gen): Token[] {
  const t = (kind: string, key: string, value: string): Token => ({ kind, key, value });
  const b64 = (n: number) => c(BASE64, n);
  return [
    t('aws-access-key-id', 'awsAccessKeyId', 'AKIA' + c(UPPER + '234567', 16)),
    t('github-classic', 'githubToken', checksummed('ghp', c(ALNUM, 30))),
    t('github-oauth', 'githubOauthToken', checksummed('gho', c(ALNUM, 30))),
    t('github-app', 'ghInstallationToken', 'ghs_' + c(ALNUM, 36)),
    t('github-fine-grained', 'ghPat', 'github_pat_' + c(ALNUM, 22) + '_' + c(ALNUM, 59)),
    t('gitlab-pat', 'gitlabToken', 'glpat-' + c(URLSAFE, 20)),
    t('gitlab-pat-routable', 'gitlabToken', `glpat-${c(URLSAFE, 36)}.01.${c(LOWER + DIGITS, 7)}`),
    t('npm', 'npmToken', checksummed('npm', c(ALNUM, 30))),
    t('slack-bot', 'slackBotToken', `xoxb-${c(DIGITS, 12)}-${c(DIGITS, 13)}-${c(ALNUM, 24)}`),
    t('slack-bot-two-groups', 'slackBotToken', `xoxb-${c(DIGITS, 11)}-${c(ALNUM, 24)}`),
    t('slack-bot-short-groups', 'slackBotToken', `xoxb-${c(DIGITS, 6)}-${c(DIGITS, 7)}-${c(ALNUM, 24)}`),
    t('slack-user', 'slackUserToken', `xoxp-${c(DIGITS, 11)}-${c(DIGITS, 11)}-${c(DIGITS, 12)}-${c(HEX, 32)}`),
    t('slack-config', 'slackConfigToken', `xoxe.xoxp-1-${c(ALNUM, 166)}`),
    t('slack-refresh', 'slackRefreshToken', `xoxe-1-${c(ALNUM, 140)}`),
    t('slack-webhook', 'slackWebhook', `https://hooks.slack.com/services/T${c(UPPER + DIGITS, 8)}/B${c(UPPER + DIGITS, 10)}/${c(ALNUM, 24)}`),
    t('slack-webhook-http', 'slackWebhook', `http://hooks.slack.com/services/T${c(UPPER + DIGITS, 8)}/B${c(UPPER + DIGITS, 10)}/${c(ALNUM, 24)}`),
    t('discord-bot', 'botToken', `MT${c(ALNUM, 24)}.${c(URLSAFE, 6)}.${c(URLSAFE, 38)}`),
    t('cloudflare-cfk', 'cfApiKey', 'cfk_' + c(ALNUM, 40)),
    t('cloudflare-cfut', 'cfApiToken', 'cfut_' + c(ALNUM, 48)),
    t('cloudflare-origin-ca', 'originCaKey', `v1.0-${c(HEX, 24)}-${c(HEX, 146)}`),
    t('onepassword-sa', 'opServiceAccountToken', 'ops_eyJ' + b64(320)),
    t('jfrog-api-key', 'artifactoryApiKey', 'AKCp' + c(ALNUM, 69)),
    t('jfrog-reference', 'artifactoryToken', 'cmVmdGtu' + c(ALNUM, 56)),
    t('huggingface', 'hfToken', 'hf_' + c(UPPER + LOWER, 34)),
    t('huggingface-org', 'hfOrgToken', 'api_org_' + c(UPPER + LOWER, 34)),
    t('flyio-fo1', 'flyApiToken', 'fo1_' + c(URLSAFE, 43)),
    t('flyio-macaroon', 'flyApiToken', 'FlyV1 fm2_' + b64(180)),
    t('sourcegraph', 'srcAccessToken', `sgp_${c(HEX, 16)}_${c(HEX, 40)}`),
    t('pinecone', 'pineconeApiKey', `pcsk_${c(ALNUM, 6)}_${c(ALNUM, 63)}`),
    t('langsmith', 'langsmithApiKey', `lsv2_pt_${c(HEX, 32)}_${c(HEX, 10)}`),
    t('teams-webhook', 'teamsWebhook', `https://acme.webhook.office.com/webhookb2/${uuid(c)}@${uuid(c)}/IncomingWebhook/${c(HEX, 32)}/${uuid(c)}`),
    t('zapier-webhook', 'zapierHook', `https://hooks.zapier.com/hooks/catch/${c(DIGITS, 7)}/${c(LOWER + DIGITS, 7)}/`),
    t('hubspot-pat', 'hubspotToken', `pat-na1-${uuid(c)}`),
    t('openai-project', 'openaiApiKey', `sk-proj-${c(URLSAFE, 74)}T3BlbkFJ${c(URLSAFE, 74)}`),
    t('openai-legacy', 'openaiApiKey', `sk-${c(ALNUM, 20)}T3BlbkFJ${c(ALNUM, 20)}`),
    t('anthropic', 'anthropicApiKey', `sk-ant-api03-${c(URLSAFE, 93)}AA`),
    t('groq', 'groqApiKey', 'gsk_' + c(ALNUM, 52)),
    t('stripe-live', 'stripeSecretKey', 'sk_live_' + c(ALNUM, 24)),
    t('sendgrid', 'sendgridApiKey', `SG.${c(URLSAFE, 22)}.${c(URLSAFE, 43)}`),
    t('gcp-api-key', 'mapsApiKey', 'AIza' + c(URLSAFE, 35)),
    t('google-oauth-secret', 'googleClientSecret', 'GOCSPX-' + c(URLSAFE, 28)),
    t('telegram', 'telegramBotToken', `${c(DIGITS, 10)}:AA${c(URLSAFE, 33)}`),
    t('shopify', 'shopifyToken', 'shpat_' + c(HEX, 32)),
    t('sentry-user', 'sentryAuthToken', 'sntryu_' + c(HEX, 64)),
    t('databricks', 'databricksToken', 'dapi' + c(HEX, 32)),
    t('digitalocean', 'doToken', 'dop_v1_' + c(HEX, 64)),
    t('vault', 'vaultToken', 'hvs.' + c(URLSAFE, 90)),
    t('doppler', 'dopplerToken', 'dp.st.prd.' + c(ALNUM, 40)),
    t('linear', 'linearApiKey', 'lin_api_' + c(ALNUM, 40)),
    t('postman', 'postmanApiKey', `PMAK-${c(HEX, 24)}-${c(HEX, 34)}`),
    t('new-relic', 'newRelicKey', 'NRAK-' + c(UPPER + DIGITS, 27)),
    t('grafana-sa', 'grafanaToken', `glsa_${c(ALNUM, 32)}_${c(HEX, 8)}`),
    t('figma', 'figmaToken', 'figd_' + c(URLSAFE, 40)),
    t('pypi', 'pypiToken', 'pypi-AgEIcHlwaS5vcmc' + c(URLSAFE, 160)),
    t('heroku-v2', 'herokuApiKey', 'HRKU-AA' + c(URLSAFE, 58)),
    t('age', 'ageKey', 'AGE-SECRET-KEY-1' + c('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58)),
    t('dockerhub', 'dockerToken', 'dckr_pat_' + c(URLSAFE, 27)),
    t('square', 'squareToken', 'sq0atp-' + c(URLSAFE, 22)),
    t('mongodb-socket', 'mongoUri', `mongodb://app:${c(ALNUM, 16)}@%2Ftmp%2Fmongodb-27017.sock/app`),
    t('postgres-url', 'databaseUrl', `postgresql://app:${c(ALNUM, 18)}@db.acme.io:5432/app`),
    t('mysql-url', 'databaseUrl', `mysql://shop:${c(ALNUM, 18)}@mysql.acme.io/shop`),
  ];
}

/** Secrets that only their surroundings identify: the whole file is the sample. */
function contextSamples(c: Gen): { kind: string; path: string; text: (v: string) => string; value: string }[] {
  const azure = () => c(BASE64, 86) + '==';
  const dockerAuth = c(BASE64, 40) + '=';
  return [
    { kind: 'azure-connection-string', path: 'appsettings.json', value: azure(), text: (v) => `{\n  "Storage": "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${v};EndpointSuffix=core.windows.net"\n}\n` },
    { kind: 'azure-account-key', path: 'storage.yaml', value: azure(), text: (v) => `storage:\n  account_name: acme\n  account_key: ${v}\n` },
    { kind: 'azure-storagekey', path: 'deploy.ps1', value: azure(), text: (v) => `New-AzStorageContext -StorageAccountName acme -StorageAccountKey ${v}\n$storageKey = "${v}"\n` },
    { kind: 'azure-storagekey-flag', path: 'sync.cmd', value: azure(), text: (v) => `AzCopy /Source:C:\\data /Dest:https://acme.blob.core.windows.net/c /DestKey:x -storagekey ${v}\n` },
    { kind: 'azure-cosmos', path: 'cosmos.env', value: azure(), text: (v) => `COSMOS_ENDPOINT=https://acme.documents.azure.com:443/\nCOSMOS_KEY=${v}\n` },
    { kind: 'azure-primary-key', path: 'keys.txt', value: azure(), text: (v) => `primary_key = ${v}\n` },
    { kind: 'docker-config', path: '.docker/config.json', value: dockerAuth, text: (v) => `{\n  "auths": {\n    "https://index.docker.io/v1/": {\n      "auth": "${v}"\n    }\n  }\n}\n` },
    { kind: 'curl-user', path: 'poll.sh', value: c(ALNUM, 14), text: (v) => `#!/bin/sh\ncurl -sf -u ci-bot:${v} https://jenkins.acme.io/job/build/api/json\n` },
    { kind: 'curl-user-long', path: 'Makefile', value: c(ALNUM, 20), text: (v) => `publish:\n\tcurl --user deploy:${v} -T dist/app.tgz https://repo.acme.io/upload\n` },
    { kind: 'authorization-raw', path: 'api.http', value: c(URLSAFE, 40), text: (v) => `GET https://api.acme.io/v1/orders\nAuthorization: ${v}\n` },
    { kind: 'authorization-curl-header', path: 'call.sh', value: c(ALNUM, 32), text: (v) => `curl -H "Authorization: ${v}" https://api.acme.io/v1/me\n` },
    { kind: 'authorization-bearer', path: 'fetch.js', value: c(URLSAFE, 40), text: (v) => `fetch(url, { headers: { Authorization: "Bearer ${v}" } });\n` },
    { kind: 'snyk-uuid', path: 'ci.env', value: uuid(c), text: (v) => `SNYK_TOKEN=${v}\n` },
    { kind: 'heroku-uuid', path: 'heroku.yml', value: uuid(c), text: (v) => `deploy:\n  heroku_api_key: ${v}\n` },
    { kind: 'hubspot-uuid', path: 'crm.py', value: uuid(c), text: (v) => `HUBSPOT_API_KEY = "${v}"\n` },
    { kind: 'aws-secret', path: 'credentials', value: c(BASE64, 40), text: (v) => `[default]\naws_access_key_id = AKIA${c(UPPER + '234567', 16)}\naws_secret_access_key = ${v}\n` },
    { kind: 'password-env', path: '.env.production', value: c(ALNUM + '!%*', 18), text: (v) => `DB_HOST=db.acme.io\nDB_PASSWORD=${v}\n` },
    { kind: 'password-yaml', path: 'database.yml', value: c(ALNUM, 20), text: (v) => `production:\n  adapter: postgresql\n  password: ${v}\n` },
    { kind: 'password-txt', path: 'server-notes.txt', value: c(ALNUM, 16), text: (v) => `root login for the staging box\npassword: ${v}\n` },
    { kind: 'secret-dockerfile', path: 'Dockerfile', value: c(ALNUM, 32), text: (v) => `FROM python:3.12-slim\nENV SESSION_SECRET=${v}\n` },
    { kind: 'api-key-properties', path: 'application.properties', value: c(ALNUM, 32), text: (v) => `spring.application.name=shop\npayment.api_key=${v}\n` },
    { kind: 'password-py', path: 'db.py', value: c(ALNUM + '!%*', 16), text: (v) => `DB_PASSWORD = "${v}"\n` },
    { kind: 'token-ts', path: 'api.ts', value: c(ALNUM, 32), text: (v) => `const apiToken = "${v}";\n` },
    { kind: 'secret-ini', path: 'app.ini', value: c(ALNUM, 24), text: (v) => `[auth]\nclient_secret = ${v}\n` },
    // Harder placements: logs, notebooks, CSV, query strings, YAML block scalars, odd key names.
    { kind: 'slack-in-log', path: 'app.log', value: `xoxb-${c(DIGITS, 12)}-${c(DIGITS, 13)}-${c(ALNUM, 24)}`, text: (v) => `2026-01-02T10:00:00Z INFO posting with token=${v} to #ops\n` },
    { kind: 'github-in-notebook', path: 'analysis.ipynb', value: checksummed('ghp', c(ALNUM, 30)), text: (v) => `{ "cells": [ { "cell_type": "code", "source": [ "g = Github(\\"${v}\\")\\n" ] } ] }\n` },
    { kind: 'stripe-in-csv', path: 'accounts.csv', value: 'sk_live_' + c(ALNUM, 32), text: (v) => `name,key\nacme,${v}\n` },
    { kind: 'password-in-query', path: 'links.txt', value: c(ALNUM, 16), text: (v) => `https://legacy.acme.io/login?user=admin&password=${v}\n` },
    { kind: 'pem-in-yaml', path: 'tls-values.yaml', value: '', text: () => `tls:\n  key: |\n    -----BEGIN EC PRIVATE KEY-----\n    MHcC${c(BASE64, 60)}\n    ${c(BASE64, 64)}\n    -----END EC PRIVATE KEY-----\n` },
    { kind: 'gcp-service-account', path: 'sa.json', value: c(HEX, 40), text: (v) => `{\n  "type": "service_account",\n  "project_id": "acme",\n  "private_key_id": "${v}"\n}\n` },
    { kind: 'aws-secret-env-name', path: 'env.list', value: c(BASE64, 40), text: (v) => `AWS_SECRET_ACCESS_KEY=${v}\n` },
    { kind: 'json-password', path: 'users.json', value: c(ALNUM + '!%*', 16), text: (v) => `{ "user": "admin", "password": "${v}" }\n` },
    { kind: 'k8s-string-data', path: 'secret.yaml', value: c(ALNUM, 24), text: (v) => `apiVersion: v1\nkind: Secret\nstringData:\n  api_token: ${v}\n` },
    { kind: 'terraform-variable-default', path: 'variables.tf', value: c(ALNUM, 28), text: (v) => `variable "db_password" {\n  default = "${v}"\n}\n` },
    { kind: 'npmrc-auth', path: '.npmrc', value: c(BASE64, 40), text: (v) => `//npm.acme.io/:_authToken=${v}\n` },
    { kind: 'go-const-token', path: 'client.go', value: c(ALNUM, 32), text: (v) => `package client\n\nconst apiToken = "${v}"\n` },
    { kind: 'java-password', path: 'Db.java', value: c(ALNUM, 18), text: (v) => `String dbPassword = "${v}";\n` },
    { kind: 'ruby-secret', path: 'secrets.rb', value: c(HEX, 64), text: (v) => `config.secret_key_base = "${v}"\n` },
    { kind: 'cs-connection-string', path: 'appsettings.Production.json', value: c(ALNUM, 20), text: (v) => `{ "Db": "Server=sql.acme.io;Database=shop;User Id=app;Password=${v};" }\n` },
    { kind: 'private-key-pem', path: 'server.key', value: '', text: () => `-----BEGIN RSA PRIVATE KEY-----\nMIIEow${c(BASE64, 58)}\n${c(BASE64, 64)}\n${c(BASE64, 64)}\n-----END RSA PRIVATE KEY-----\n` },
    { kind: 'private-key-in-string', path: 'key.js', value: '', text: () => `const key = "-----BEGIN PRIVATE KEY-----\\nMIIEvQ${c(BASE64, 58)}\\n${c(BASE64, 64)}\\n-----END PRIVATE KEY-----\\n";\n` },
    { kind: 'openssh-key', path: 'id_ed25519', value: '', text: () => `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA${c(BASE64, 46)}\n${c(BASE64, 70)}\n-----END OPENSSH PRIVATE KEY-----\n` },
  ];
}

/** Near-misses: each must produce no finding at all. */
function negatives(c: Gen): { kind: string; path: string; text: string }[] {
  const n = (kind: string, path: string, text: string) => ({ kind, path, text });
  const hex = (k: number) => c(HEX, k);
  return [
    // Provider prefixes with the wrong body.
    n('github-bad-checksum', 'client.ts', `export const githubToken = 'ghp_${c(ALNUM, 36)}';\n`),
    n('github-bad-checksum-env', '.env', `GITHUB_TOKEN=ghp_${c(ALNUM, 36)}\n`),
    n('github-too-short', 'notes.txt', `token: ghp_${c(ALNUM, 20)}\n`),
    n('npm-bad-checksum', '.npmrc.txt', `token=npm_${c(ALNUM, 36)}\n`),
    n('anthropic-short', 'client.py', `anthropic_api_key = "sk-ant-api03-${c(URLSAFE, 40)}"\n`),
    n('anthropic-long', 'config.yaml', `anthropic_api_key: sk-ant-api03-${c(URLSAFE, 120)}\n`),
    n('gitlab-wrong-body', 'ci.yaml', `gitlab_token: glpat-${c(URLSAFE, 24)}\n`),
    n('gitlab-runner-short', 'runner.sh', `gitlab-runner register --token glrt-${c(URLSAFE, 10)}\n`),
    n('gitlab-trigger-not-hex', 'trigger.txt', `trigger: glptt-${c(UPPER, 40)}\n`),
    n('sentry-non-hex', '.env', `SENTRY_AUTH_TOKEN=sntryu_${c(UPPER + LOWER, 64)}\n`),
    n('sentry-org-bad', 'sentry.properties', `auth.token=sntrys_${c(ALNUM, 50)}\n`),
    n('openai-proj-no-marker', 'client.py', `openai_api_key = "sk-proj-${c(URLSAFE, 48)}"\n`),
    n('openai-admin-wrong', 'admin.ts', `const openaiAdminKey = "sk-admin-${c(URLSAFE, 40)}";\n`),
    n('pypi-short', '.pypirc', `[pypi]\npassword = pypi-AgEIcHlwaS5vcmc${c(URLSAFE, 40)}\n`),
    n('heroku-short', 'heroku.txt', `HEROKU_API_KEY=HRKU-${c(URLSAFE, 30)}\n`),
    n('slack-too-short', 'slack.ts', 'const slackBotToken = "xoxb-1234-abcdef";\n'),
    n('discord-not-an-id', 'bot.ts', `client.login("Ma${c(ALNUM, 24)}.${c(URLSAFE, 6)}.${c(URLSAFE, 38)}");\n`),
    n('aws-too-long', 'keys.txt', `AKIA${c(UPPER, 17)}\n`),
    n('gcp-too-short', 'maps.ts', `const mapsApiKey = "AIza${c(URLSAFE, 20)}";\n`),
    n('pinecone-short', 'vectors.py', `pc = Pinecone(api_key="pcsk_${c(ALNUM, 6)}_${c(ALNUM, 20)}")\n`),
    n('langsmith-bad-layout', '.env', `LANGSMITH_API_KEY=lsv2_pt_${c(HEX, 20)}\n`),
    n('stripe-publishable', 'checkout.ts', `const stripe = Stripe("pk_live_${c(ALNUM, 24)}");\n`),
    n('mapbox-public', 'map.js', `mapboxgl.accessToken = "pk.eyJ${c(URLSAFE, 60)}.${c(URLSAFE, 22)}";\n`),
    // Published, public values.
    n('aws-docs-example', 'credentials', '[default]\naws_access_key_id = AKIA' + 'IOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY' + 'EXAMPLEKEY\n'),
    n('azurite-connection-string', 'local.settings.json', '{ "AzureWebJobsStorage": "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=' + AZURITE + ';BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;" }\n'),
    n('azurite-account-key', 'azurite.yaml', `storage:\n  account_name: devstoreaccount1\n  account_key: ${AZURITE}\n`),
    n('jwt-io-example', 'auth.test.md', '`eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c`\n'),
    // Placeholders and references.
    n('placeholder-angle', 'README.md', '```sh\nexport OPENAI_API_KEY=<your-api-key>\n```\n'),
    n('placeholder-env-example', '.env.example', `STRIPE_SECRET_KEY=\nSESSION_SECRET=${c(ALNUM, 32)}\n`),
    n('placeholder-changeme', 'config.yaml', 'database:\n  password: changeme\n'),
    n('placeholder-x', 'settings.json', '{ "apiKey": "xxxxxxxxxxxxxxxxxxxxxxxx" }\n'),
    n('reference-env', 'client.ts', 'export const apiToken = process.env.API_TOKEN;\n'),
    n('reference-py', 'client.py', 'api_key = os.environ["API_KEY"]\n'),
    n('reference-template', 'values.yaml', 'db:\n  password: "{{ .Values.db.password }}"\n'),
    n('reference-shell', 'deploy.sh', 'export API_TOKEN="${CI_API_TOKEN}"\n'),
    n('reference-vault', 'group_vars.yml', 'db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n'),
    n('reference-secret-manager', 'main.tf', 'password = data.aws_secretsmanager_secret_version.db.secret_string\n'),
    n('curl-env', 'poll.sh', 'curl -sf -u "$CI_USER:$CI_TOKEN" https://jenkins.acme.io/api/json\n'),
    n('curl-netrc', 'fetch.sh', 'curl --netrc-file "$NETRC" https://repo.acme.io/pkg.tgz -o pkg.tgz\n'),
    n('authorization-variable', 'fetch.ts', 'fetch(url, { headers: { Authorization: `Bearer ${token}` } });\n'),
    n('authorization-call', 'client.ts', 'headers.Authorization = getAuthorizationHeaderValue(session);\n'),
    n('authorization-concat', 'client.js', 'xhr.setRequestHeader("Authorization", "Bearer " + token);\n'),
    n('docker-creds-store', '.docker/config.json', '{\n  "auths": { "ghcr.io": {} },\n  "credsStore": "desktop"\n}\n'),
    n('url-no-password', 'settings.py', 'DATABASE_URL = "postgres://db.acme.io:5432/app"\n'),
    n('url-user-only', 'clone.sh', 'git clone https://deploy@git.acme.io/team/app.git\n'),
    n('sentry-public-dsn', 'sentry.ts', `Sentry.init({ dsn: "https://${hex(32)}@o1.ingest.sentry.io/42" });\n`),
    // Hashes, ids and encodings that are not credentials.
    n('git-sha', 'deps.yaml', `dependencies:\n  - name: core\n    commit: ${hex(40)}\n`),
    n('sha256-digest', 'Dockerfile', `FROM node:22-alpine@sha256:${hex(64)}\n`),
    n('integrity', 'package-lock.json', `{ "integrity": "sha512-${c(BASE64, 86)}==" }\n`),
    n('checksum-file', 'SHA256SUMS.txt', `${hex(64)}  app-linux-amd64.tar.gz\n${hex(64)}  app-darwin-arm64.tar.gz\n`),
    n('uuid-id', 'fixtures.json', `{ "id": "${uuid(c)}", "name": "order" }\n`),
    n('uuid-request', 'log.txt', `request_id=${uuid(c)} status=200\n`),
    n('uuid-csproj', 'App.csproj', `<ProjectGuid>{${uuid(c).toUpperCase()}}</ProjectGuid>\n`),
    n('data-uri', 'icon.css', `.icon { background: url("data:image/png;base64,${c(BASE64, 120)}"); }\n`),
    n('base64-content', 'blob.json', `{ "content": "${c(BASE64, 88)}", "encoding": "base64" }\n`),
    n('public-key', 'pub.pem', `-----BEGIN PUBLIC KEY-----\n${c(BASE64, 64)}\n${c(BASE64, 24)}\n-----END PUBLIC KEY-----\n`),
    n('certificate', 'ca.crt', `-----BEGIN CERTIFICATE-----\n${c(BASE64, 64)}\n${c(BASE64, 64)}\n-----END CERTIFICATE-----\n`),
    n('ssh-public-key', 'authorized_keys', `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA${c(BASE64, 44)} deploy@ci\n`),
    n('chunk-hash', 'index.html', `<script src="/assets/main.${hex(8)}.js"></script>\n`),
    n('css-module', 'styles.js', `export default { button: "Button_button__${c(ALNUM, 5)}" };\n`),
    n('snowflake-ids', 'channels.yaml', `alerts_channel: "${c(DIGITS, 18)}"\nguild: "${c(DIGITS, 18)}"\n`),
    n('slack-channel', 'slack.yaml', `channel: C${c(UPPER + DIGITS, 10)}\nteam: T${c(UPPER + DIGITS, 8)}\n`),
    n('random-constant', 'seed.ts', `const SEED_ALPHABET = "${c(ALNUM, 40)}";\n`),
    n('nonce-in-html', 'page.html', `<script nonce="${c(BASE64, 24)}">boot()</script>\n`),
    // Code and prose about credentials.
    n('code-tokenizer', 'lexer.ts', 'const tokenizer = new Tokenizer(source);\nconst token = tokenizer.next();\n'),
    n('code-hash-password', 'auth.ts', 'const password = await hashPassword(input.password, saltRounds);\n'),
    n('code-config-get', 'secrets.py', "secret_key = config.get('SECRET_KEY')\n"),
    n('code-compare', 'login.py', 'if password == confirm_password:\n    save(user)\n'),
    n('prose-policy', 'SECURITY.md', 'Passwords must be at least 12 characters. Tokens expire after 30 days.\n'),
    n('prose-yaml', 'docs.yaml', 'password_policy: the password must contain letters and digits\n'),
    n('name-not-value', 'constants.ts', 'export const SECRET_HEADER = "X-Webhook-Secret";\n'),
    n('token-url', 'oauth.ts', 'const tokenUrl = "https://auth.acme.io/oauth/token";\n'),
    n('key-path', 'tls.yaml', 'tls:\n  private_key: /etc/ssl/private/server.key\n'),
    n('secret-ref-k8s', 'deploy.yaml', 'env:\n  - name: API_KEY\n    valueFrom:\n      secretKeyRef: { name: api, key: token }\n'),
    n('lockfile-resolved', 'yarn.lock', `"left-pad@^1.3.0":\n  resolved "https://registry.yarnpkg.com/left-pad/-/left-pad-1.3.0.tgz#${hex(40)}"\n  integrity sha1-${c(BASE64, 27)}=\n`),
    n('go-sum', 'go.sum', `github.com/acme/lib v1.2.3 h1:${c(BASE64, 43)}=\ngithub.com/acme/lib v1.2.3/go.mod h1:${c(BASE64, 43)}=\n`),
    n('sri-script', 'index.html', `<script src="https://cdn.acme.io/lib.js" integrity="sha384-${c(BASE64, 64)}" crossorigin="anonymous"></script>\n`),
    n('source-map', 'app.js.map', `{"version":3,"mappings":"${c('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/;,', 200)}"}\n`),
    n('test-password-in-spec', 'login.spec.ts', `const password = "${c(ALNUM, 16)}";\n`),
    n('password-field-label', 'form.html', '<label for="password">Password</label><input id="password" type="password" name="password">\n'),
    n('password-env-empty', '.env', 'DB_PASSWORD=\nAPI_TOKEN=\n'),
    n('token-type', 'oauth.json', '{ "token_type": "Bearer", "expires_in": 3600 }\n'),
    n('secret-name-k8s', 'deploy.yaml', 'spec:\n  secretName: tls-acme-io\n  tokenSecretRef: { name: vault-token, key: token }\n'),
    n('api-key-header-name', 'nginx.conf', 'proxy_set_header X-Api-Key $http_x_api_key;\n'),
    n('hex-color-table', 'theme.ts', `export const palette = ["#${hex(6)}", "#${hex(6)}", "#${hex(6)}"];\n`),
    n('commit-in-changelog', 'CHANGELOG.md', `- Fix the parser (${hex(40)})\n- Faster startup (${hex(7)})\n`),
    n('uuid-heroku-app-id', 'app.json', `{ "name": "shop", "heroku_app_id": "${uuid(c)}" }\n`),
    n('uuid-snyk-org', 'snyk.yml', `org_id: ${uuid(c)}\nproject: shop\n`),
    n('base64-image-json', 'icons.json', `{ "logo": "iVBORw0KGgo${c(BASE64, 150)}" }\n`),
    n('aws-arn', 'policy.json', '{ "Resource": "arn:aws:s3:::acme-bucket/*", "Principal": { "AWS": "arn:aws:iam::123456789012:root" } }\n'),
    n('gcp-key-ref', 'app.yaml', 'env_variables:\n  GOOGLE_APPLICATION_CREDENTIALS: /secrets/sa.json\n'),
    n('password-policy-regex', 'validate.ts', 'const PASSWORD_PATTERN = /^(?=.*[A-Z])(?=.*[0-9]).{12,}$/;\n'),
    n('jwt-header-only', 'jwt.ts', 'const header = "eyJhbGciOiJIUzI1NiJ9";\n'),
    n('random-id-generator', 'ids.py', 'ALPHABET = string.ascii_letters + string.digits\ntoken = "".join(secrets.choice(ALPHABET) for _ in range(32))\n'),
    n('mongodb-no-password', 'db.ts', 'const uri = "mongodb://%2Ftmp%2Fmongodb-27017.sock/app";\n'),
    n('slack-webhook-placeholder', 'hooks.md', 'POST to `https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX`\n'),
    n('teams-webhook-docs', 'teams.md', 'The URL looks like `https://<tenant>.webhook.office.com/webhookb2/<group>@<tenant>/IncomingWebhook/<id>/<owner>`.\n'),
    n('docker-auth-empty', 'config.json', '{ "auths": { "registry.acme.io": { "auth": "" } } }\n'),
    n('curl-no-password', 'get.sh', 'curl -u deploy https://repo.acme.io/pkg.tgz\n'),
    n('authorization-scheme-only', 'api.http', 'GET https://api.acme.io/v1/me\nAuthorization: Bearer {{token}}\n'),
    n('generic-low-entropy', 'settings.py', 'SECRET_KEY = "aaaaaaaabbbbbbbb"\n'),
    n('generic-path-value', 'config.yaml', 'ssl:\n  private_key_file: ./certs/dev.key\n'),
    n('generic-url-value', '.env', 'TOKEN_ENDPOINT=https://login.acme.io/oauth2/v2.0/token\n'),
    n('twilio-sid-account', 'twilio.ts', `const accountSid = "AC${hex(32)}";\n`),
    n('github-actions-secret', 'ci.yml', 'env:\n  NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n'),
  ];
}

/** Microsoft's documented Azurite development-storage key: public, opens nothing. */
const AZURITE = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq' + '/K1SZFPTOtr/KBHBeksoGMGw==';

/** The whole corpus, deterministic for a seed. */
export function secretCorpus(seed = 2026): CorpusSample[] {
  const f = new FakeSecrets(seed);
  const c: Gen = (alphabet, n) => f.chars(alphabet, n);
  const out: CorpusSample[] = [];
  const positive = (name: string, file: string, text: string, secret: string): void => {
    const at = secret ? text.indexOf(secret) : text.indexOf('-----BEGIN');
    out.push({ name, label: 'positive', path: file, text, secret: secret || undefined, line: text.slice(0, at).split('\n').length - 1 });
  };
  // Each provider token in two file types, rotating through all of them.
  providerTokens(c).forEach((tok, i) => {
    for (const type of [TYPES[i % TYPES.length], TYPES[(i + 1 + ((i * 7) % (TYPES.length - 1))) % TYPES.length]]) {
      positive(`positive/${tok.kind}/${type}`, `positive/${tok.kind}/${type}`, CONTEXTS[type](tok.key, tok.value), tok.value);
    }
  });
  for (const s of contextSamples(c)) {
    positive(`positive/${s.kind}`, `positive/${s.kind}/${s.path}`, s.text(s.value), s.value);
  }
  for (const s of negatives(c)) {
    out.push({ name: `negative/${s.kind}`, label: 'negative', path: `negative/${s.kind}/${s.path}`, text: s.text });
  }
  return out;
}

/** Writes the corpus under `dir` plus `manifest.json` (name, label, path, line; never the secret). */
export function writeSecretCorpus(dir: string, samples = secretCorpus()): void {
  for (const s of samples) {
    fs.mkdirSync(path.dirname(path.join(dir, s.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, s.path), s.text);
  }
  const manifest = samples.map(({ name, label, path: p, line }) => ({ name, label, path: p, line }));
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}
