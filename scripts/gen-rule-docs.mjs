#!/usr/bin/env node
// Writes rules/docs/<id>.md for every pattern in the built-in secrets, security and data rulesets:
// what the rule matches and how (regex, keywords, entropy, allow list, where, files), a bad and a good
// example. The rule files are the source of truth for "how"; the prose and examples live below.
//
//   node scripts/gen-rule-docs.mjs           write the pages
//   node scripts/gen-rule-docs.mjs --check   exit 1 if a page is missing or out of date (used by tests)
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { parse } = createRequire(import.meta.url)('jsonc-parser');
const RULESETS = ['secrets', 'security', 'data'];

// ---------------------------------------------------------------------------------------------------
// Secrets: one line per credential type. Bad examples show values shortened with "…": the real rule
// needs the full token, and this repository must not contain anything a secret scanner would block.
// [what it is and its format, language, bad code, good code]
const ENV_TS = (name) => ['ts', `const value = process.env.${name};`];
const SECRETS = {
  'aws-access-key-id': ['An AWS access key id: `AKIA` (long-term IAM user key), `ASIA` (temporary STS credentials), `ABIA`, `ACCA` or `A3T…`, followed by 16 upper-case letters and digits (20 characters). On its own it identifies a key; next to its secret it is a working credential.', 'ts', 'const s3 = new S3Client({ credentials: { accessKeyId: "AKIA…", secretAccessKey: "…" } });', 'ts', '// Credentials come from the environment, SSO, or the instance/task role.\nconst s3 = new S3Client({});'],
  'aws-secret-access-key': ['The 40-character secret half of an AWS access key, recognised by the name it is assigned to (`aws_secret_access_key`, `AWS_SECRET_ACCESS_KEY`, `secretAccessKey`, `SecretAccessKey`, `aws_secret_key`).', 'ini', '[default]\naws_access_key_id = AKIA…\naws_secret_access_key = wJalr…(40 characters)', 'sh', '# Use SSO or an assumed role; never a key pair in the repo.\naws sso login --profile dev'],
  'gcp-service-account-key': ['A Google Cloud service-account key file (JSON), recognised by its 40-hex-digit `"private_key_id"`. The same file holds the account\'s RSA private key, so it is a complete credential.', 'json', '{\n  "type": "service_account",\n  "project_id": "acme-prod",\n  "private_key_id": "3f1c…(40 hex digits)",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n…"\n}', 'sh', '# Workload Identity / Application Default Credentials: no key file at all.\ngcloud auth application-default login'],
  'gcp-api-key': ['A Google API key: `AIza` followed by 35 letters, digits, `-` or `_` (39 characters). Browser keys are public by design but must be restricted; server keys are secrets.', 'ts', 'const maps = new Client({ key: "AIza…" });', ...ENV_TS('GOOGLE_MAPS_API_KEY')],
  'google-oauth-client-secret': ['A Google OAuth 2.0 client secret: `GOCSPX-` followed by 28 characters.', 'py', 'flow = Flow.from_client_config({"web": {"client_id": "…", "client_secret": "GOCSPX-…"}}, scopes)', 'py', 'flow = Flow.from_client_secrets_file(os.environ["GOOGLE_CLIENT_SECRETS"], scopes)'],
  'azure-storage-account-key': ['An Azure Storage or Cosmos DB account key: 86 base64 characters and `==`, after `AccountKey=` in a connection string or assigned to a name such as `account_key`, `AccountKey`, `storage_key`, `-storagekey`, `cosmos_key`, `primary_key` or `master_key` (`=`, `:`, or a space for command-line flags). It grants full access to the account. The Azurite emulator\'s well-known key (published by Microsoft) is allowed.', 'cs', 'var client = new BlobServiceClient("DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=Eby8…==");', 'cs', 'var client = new BlobServiceClient(new Uri(accountUrl), new DefaultAzureCredential());'],
  'azure-sas-token': ['An Azure shared access signature in a URL: a signed-version `sv=YYYY-MM-DD` parameter followed, in the same URL, by `sig=` and the signature.', 'ts', 'const url = "https://acme.blob.core.windows.net/backups/db.bak?sv=2022-11-02&sp=r&se=2030-01-01&sig=k3J…%3D";', 'ts', '// Issue a short-lived SAS at run time, scoped to one blob.\nconst url = await generateSasUrl(blob, { expiresOn: inMinutes(15), permissions: "r" });'],
  'azure-shared-access-key': ['A Service Bus / Event Hubs connection-string key: `SharedAccessKey=` followed by 43 base64 characters and `=`.', 'ts', 'const sb = new ServiceBusClient("Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=q9X…=");', 'ts', 'const sb = new ServiceBusClient("acme.servicebus.windows.net", new DefaultAzureCredential());'],
  'azure-ad-client-secret': ['A Microsoft Entra ID (Azure AD) application client secret: three characters, a digit, `Q~`, then 31–34 characters.', 'ts', 'const cred = new ClientSecretCredential(tenant, clientId, "Abc8Q~…");', 'ts', 'const cred = new DefaultAzureCredential(); // managed identity or workload identity'],
  'alibaba-access-key-id': ['An Alibaba Cloud AccessKey id: `LTAI` followed by 12–20 letters and digits.', 'java', 'DefaultProfile profile = DefaultProfile.getProfile("cn-hangzhou", "LTAI…", secret);', 'java', 'DefaultProfile profile = DefaultProfile.getProfile("cn-hangzhou", System.getenv("ALIBABA_CLOUD_ACCESS_KEY_ID"), System.getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET"));'],
  'alibaba-access-key-secret': ['The 30-character Alibaba Cloud AccessKey secret, recognised by its name (`accessKeySecret`, `ACCESS_KEY_SECRET`, or a name containing alibaba/aliyun/alicloud and secret).', 'ts', "const client = new Core({ accessKeyId, accessKeySecret: 'k2J…(30 characters)' });", 'ts', 'const client = new Core({ accessKeyId, accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET });'],
  'digitalocean-token': ['A DigitalOcean token: `dop_v1_` (personal access), `doo_v1_` (OAuth) or `dor_v1_` (refresh) followed by 64 hex digits.', 'ts', 'const api = createApiClient({ token: "dop_v1_…" });', ...ENV_TS('DIGITALOCEAN_TOKEN')],
  'heroku-api-key': ['A Heroku API key: the `HRKU-AA` format with its 58 characters anywhere, or a UUID assigned to a name containing heroku and key/token.', 'sh', 'export HEROKU_API_KEY=01234567-…', 'sh', '# CI: store HEROKU_API_KEY as a masked CI secret.\nheroku container:release web'],
  'terraform-cloud-token': ['A Terraform Cloud / HCP Terraform API token: 14 characters, `.atlasv1.`, then 60 or more characters.', 'hcl', 'credentials "app.terraform.io" {\n  token = "abcd…atlasv1.…"\n}', 'sh', '# Per-user: terraform login (stored outside the repo). CI: TF_TOKEN_app_terraform_io secret.'],
  'vault-token': ['A HashiCorp Vault token: `hvs.` (service), `hvb.` (batch) or `hvr.` (recovery) followed by 24 or more characters.', 'sh', 'export VAULT_TOKEN=hvs.CAES…', 'sh', '# Let the workload log in itself:\nvault login -method=kubernetes role=api'],
  'doppler-token': ['A Doppler token: `dp.st.`, `dp.sa.`, `dp.ct.`, `dp.pt.`, `dp.scim.` or `dp.audit.` followed by 40 or more characters.', 'sh', 'DOPPLER_TOKEN=dp.st.prd.…', 'sh', '# Inject it through the CI secret store, not a committed file.'],
  'pulumi-token': ['A Pulumi access token: `pul-` followed by 40 hex digits.', 'sh', 'export PULUMI_ACCESS_TOKEN=pul-…', 'sh', '# CI secret PULUMI_ACCESS_TOKEN, or pulumi login with OIDC.'],
  'databricks-token': ['A Databricks personal access token: `dapi` followed by 32 hex digits (optionally `-N`).', 'py', 'w = WorkspaceClient(host=HOST, token="dapi…")', 'py', 'w = WorkspaceClient()  # reads DATABRICKS_HOST / DATABRICKS_TOKEN or a config profile'],
  'planetscale-token': ['A PlanetScale service token, password or OAuth token: `pscale_tkn_`, `pscale_pw_` or `pscale_oauth_` followed by 32–64 characters.', 'ts', 'const conn = connect({ host, username, password: "pscale_pw_…" });', 'ts', 'const conn = connect({ url: process.env.DATABASE_URL });'],
  'supabase-token': ['A Supabase personal access token: `sbp_` followed by 40 hex digits. (Service-role keys are JWTs and are reported by `secrets/jwt`.)', 'sh', 'SUPABASE_ACCESS_TOKEN=sbp_…', 'sh', '# CI secret SUPABASE_ACCESS_TOKEN; locally: supabase login'],
  'vercel-token': ['A Vercel token: `vcp_`, `vci_`, `vck_`, `vca_` or `vcr_` followed by 24–60 letters and digits.', 'ts', 'const vercel = new Vercel({ bearerToken: "vcp_…" });', ...ENV_TS('VERCEL_TOKEN')],
  'github-classic-token': ['A GitHub personal access token (classic): `ghp_` followed by 30 random letters and digits and a 6-character base62 CRC32 of them. Values whose checksum does not match are fakes and are not reported (by this or any other rule). It usually carries broad `repo` scope.', 'ts', 'const octokit = new Octokit({ auth: "ghp_…" });', 'ts', 'const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });'],
  'github-oauth-token': ['A GitHub OAuth app access token: `gho_` followed by 30 random letters and digits and their 6-character base62 CRC32 (checked).', 'ts', 'const gh = new Octokit({ auth: "gho_…" });', ...ENV_TS('GITHUB_OAUTH_TOKEN')],
  'github-app-token': ['A GitHub App user-to-server (`ghu_`) or installation (`ghs_`) token followed by 36 letters and digits. They expire, but a committed one is valid until then.', 'yaml', 'env:\n  GH_TOKEN: ghs_…', 'yaml', 'env:\n  GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}'],
  'github-refresh-token': ['A GitHub App refresh token: `ghr_` followed by 36–76 letters and digits.', 'ts', 'const refreshToken = "ghr_…";', 'ts', 'const refreshToken = await tokenStore.get(userId);'],
  'github-fine-grained-token': ['A GitHub fine-grained personal access token: `github_pat_` followed by 82 letters, digits and underscores.', 'ts', 'const octokit = new Octokit({ auth: "github_pat_11A…" });', 'ts', 'const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });'],
  'gitlab-personal-access-token': ['A GitLab personal, project or group access token: `glpat-` followed by exactly 20 characters, or the routable format (27 or more base64url characters, `.`, a 2-character version and a 7-character CRC).', 'yaml', 'variables:\n  GITLAB_TOKEN: glpat-…', 'yaml', '# Settings → CI/CD → Variables: GITLAB_TOKEN (masked, protected).'],
  'gitlab-token': ['Other GitLab tokens, each with its documented body: pipeline trigger (`glptt-` + 40 hex), runner (`glrt-` + 20), deploy (`gldt-` + 20), CI job (`glcbt-` + partition + `_` + 20), feed (`glft-` + 20), SCIM (`glsoat-` + 20), OAuth (`gloas-` + 64), incoming mail (`glimt-` + 25) and agent (`glagent-` + 50).', 'sh', 'gitlab-runner register --url https://gitlab.acme.io --token glrt-…', 'sh', 'gitlab-runner register --url https://gitlab.acme.io --token "$RUNNER_TOKEN"'],
  'atlassian-api-token': ['An Atlassian API token (`ATATT3…` / `ATCTT3…`, about 190 characters) or a Bitbucket app password / access token (`ATBB…`).', 'ts', 'const jira = new Version3Client({ host, authentication: { basic: { email, apiToken: "ATATT3xFfGF0…" } } });', 'ts', 'const jira = new Version3Client({ host, authentication: { basic: { email, apiToken: process.env.JIRA_API_TOKEN! } } });'],
  'npm-token': ['An npm access token: `npm_` followed by 30 random letters and digits and their 6-character base62 CRC32 (checked). A publish token lets anyone release your packages.', 'ini', '//registry.npmjs.org/:_authToken=npm_…', 'ini', '//registry.npmjs.org/:_authToken=${NPM_TOKEN}'],
  'npmrc-auth-token': ['A literal registry credential in an `.npmrc`-style setting: `_authToken=` or `_auth=` followed by a token of 10 or more characters. npm expands `${VAR}`, so a reference to the environment is the safe form. (`npm_…` tokens are reported by `secrets/npm-token`.)', 'ini', '//npm.acme.io/:_authToken=bWVz…', 'ini', '//npm.acme.io/:_authToken=${NPM_TOKEN}'],
  'pypi-token': ['A PyPI (or TestPyPI) API token, which starts with `pypi-AgEIcHlwaS5vcmc` (`pypi-AgENdGVzdC5weXBpLm9yZw` for TestPyPI) followed by 100 or more characters (real macaroons are longer; shorter values are fragments).', 'ini', '[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmc…', 'yaml', '# Trusted Publishing: no token at all.\n- uses: pypa/gh-action-pypi-publish@release/v1'],
  'docker-hub-token': ['A Docker Hub personal (`dckr_pat_`) or organisation (`dckr_oat_`) access token followed by 27 characters.', 'sh', 'echo dckr_pat_… | docker login -u acme --password-stdin', 'sh', 'echo "$DOCKERHUB_TOKEN" | docker login -u acme --password-stdin'],
  'slack-bot-token': ['A Slack bot token: `xoxb-`, one or two numeric ids (4–14 digits), and 18 or more letters and digits.', 'ts', 'const slack = new WebClient("xoxb-…");', 'ts', 'const slack = new WebClient(process.env.SLACK_BOT_TOKEN);'],
  'slack-user-token': ['A Slack user token: `xoxp-`, two or three numeric ids (4–14 digits), and 20 or more letters and digits. It acts as the user who installed the app.', 'py', 'client = WebClient(token="xoxp-…")', 'py', 'client = WebClient(token=os.environ["SLACK_USER_TOKEN"])'],
  'slack-app-token': ['A Slack app-level token (Socket Mode): `xapp-`, a digit, an id, a number and 20 or more characters.', 'ts', 'const app = new App({ appToken: "xapp-1-…", socketMode: true });', 'ts', 'const app = new App({ appToken: process.env.SLACK_APP_TOKEN, socketMode: true });'],
  'slack-legacy-token': ['Legacy and workspace Slack tokens: `xoxa-`, `xoxo-`, `xoxr-` (refresh) and `xoxs-` followed by 20 or more characters.', 'ts', 'const legacy = "xoxa-2-…";', ...ENV_TS('SLACK_TOKEN')],
  'slack-webhook-url': ['A Slack incoming-webhook (or workflow/trigger) URL: `https://hooks.slack.com/services/T…/B…/…` (also over `http://`). Anyone holding it can post to the channel.', 'ts', 'await fetch("https://hooks.slack.com/services/T0…/B0…/X9…", { method: "POST", body });', 'ts', 'await fetch(process.env.SLACK_WEBHOOK_URL!, { method: "POST", body });'],
  'discord-bot-token': ['A Discord bot token: the base64 of the numeric bot id (23–27 characters, starting `MT`, `Mj`, `Mz`, `ND`, `NT`, `Nj`, `Nz`, `OD`, `OT`…), a dot, 6 characters, a dot, and 27–40 characters. The shape is distinctive, so every file is checked.', 'ts', 'client.login("MTA4…");', 'ts', 'client.login(process.env.DISCORD_TOKEN);'],
  'discord-webhook-url': ['A Discord webhook URL: `https://discord.com/api/webhooks/<id>/<60–68 character token>` (also `discordapp.com`, `ptb.`, `canary.`).', 'py', 'requests.post("https://discord.com/api/webhooks/1234…/Xy…", json=msg)', 'py', 'requests.post(os.environ["DISCORD_WEBHOOK_URL"], json=msg)'],
  'telegram-bot-token': ['A Telegram bot token: an 8–10 digit bot id, `:AA`, and 33 characters.', 'py', 'bot = Bot(token="123456789:AA…")', 'py', 'bot = Bot(token=os.environ["TELEGRAM_BOT_TOKEN"])'],
  'twilio-api-key': ['A Twilio API key SID: `SK` followed by 32 hex digits. It is usually committed together with its secret.', 'ts', 'const client = twilio("SK…", apiSecret, { accountSid });', 'ts', 'const client = twilio(process.env.TWILIO_API_KEY, process.env.TWILIO_API_SECRET, { accountSid });'],
  'twilio-auth-token': ['A Twilio auth token: 32 hex digits assigned to a name containing twilio and auth token, or the `AC…:token` pair of an account SID and its token.', 'py', 'TWILIO_AUTH_TOKEN = "9f2c…(32 hex digits)"', 'py', 'TWILIO_AUTH_TOKEN = os.environ["TWILIO_AUTH_TOKEN"]'],
  'sendgrid-api-key': ['A SendGrid API key: `SG.`, 22 characters, `.`, 43 characters.', 'ts', 'sgMail.setApiKey("SG.…");', 'ts', 'sgMail.setApiKey(process.env.SENDGRID_API_KEY);'],
  'mailgun-api-key': ['A Mailgun API key in the classic format: `key-` followed by 32 hex digits.', 'ts', 'const mg = mailgun.client({ username: "api", key: "key-…" });', 'ts', 'const mg = mailgun.client({ username: "api", key: process.env.MAILGUN_API_KEY });'],
  'mailchimp-api-key': ['A Mailchimp API key: 32 hex digits, `-us`, and the data-centre number.', 'ts', 'mailchimp.setConfig({ apiKey: "0a1b…-us14", server: "us14" });', 'ts', 'mailchimp.setConfig({ apiKey: process.env.MAILCHIMP_API_KEY, server: "us14" });'],
  'linear-api-key': ['A Linear API key (`lin_api_`) or OAuth token (`lin_oauth_`) followed by 32 or more letters and digits.', 'ts', 'const linear = new LinearClient({ apiKey: "lin_api_…" });', 'ts', 'const linear = new LinearClient({ apiKey: process.env.LINEAR_API_KEY });'],
  'notion-token': ['A Notion integration token: `ntn_` followed by 11 digits and 35 characters, or the older `secret_` followed by 43 letters and digits.', 'ts', 'const notion = new Client({ auth: "ntn_…" });', 'ts', 'const notion = new Client({ auth: process.env.NOTION_TOKEN });'],
  'postman-api-key': ['A Postman API key: `PMAK-`, 24 hex digits, `-`, 34 hex digits.', 'sh', 'curl -H "X-Api-Key: PMAK-…" https://api.getpostman.com/collections', 'sh', 'curl -H "X-Api-Key: $POSTMAN_API_KEY" https://api.getpostman.com/collections'],
  'figma-token': ['A Figma personal access token: `figd_` followed by 40 or more characters.', 'ts', 'const headers = { "X-Figma-Token": "figd_…" };', 'ts', 'const headers = { "X-Figma-Token": process.env.FIGMA_TOKEN! };'],
  'stripe-secret-key': ['A Stripe live secret key: `sk_live_` followed by 24 or more letters and digits. It can create charges and refunds.', 'ts', 'const stripe = new Stripe("sk_live_…");', 'ts', 'const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);'],
  'stripe-restricted-key': ['A Stripe live restricted key: `rk_live_` followed by 24 or more letters and digits.', 'ts', 'const stripe = new Stripe("rk_live_…");', 'ts', 'const stripe = new Stripe(process.env.STRIPE_RESTRICTED_KEY!);'],
  'stripe-test-key': ['A Stripe test-mode secret or restricted key: `sk_test_` / `rk_test_` followed by 24 or more characters. Reported as a warning: it cannot move money, but exposes your test account.', 'ts', 'const stripe = new Stripe("sk_test_…");', 'ts', 'const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);'],
  'stripe-webhook-secret': ['A Stripe webhook signing secret: `whsec_` followed by 32 or more letters and digits. With it anyone can forge webhook events.', 'ts', 'stripe.webhooks.constructEvent(body, sig, "whsec_…");', 'ts', 'stripe.webhooks.constructEvent(body, sig, process.env.STRIPE_WEBHOOK_SECRET!);'],
  'shopify-token': ['A Shopify access token or shared secret: `shpat_`, `shpca_`, `shppa_` or `shpss_` followed by 32 hex digits.', 'ts', 'const session = { shop, accessToken: "shpat_…" };', 'ts', 'const session = await sessionStorage.loadSession(id);'],
  'square-access-token': ['A Square access token: `sq0atp-` followed by 22 characters, or `EAAA` followed by 60 characters.', 'ts', 'const client = new Client({ accessToken: "EAAA…" });', 'ts', 'const client = new Client({ accessToken: process.env.SQUARE_ACCESS_TOKEN });'],
  'square-oauth-secret': ['A Square OAuth application secret: `sq0csp-` followed by 43 characters.', 'ts', 'const clientSecret = "sq0csp-…";', ...ENV_TS('SQUARE_CLIENT_SECRET')],
  'openai-api-key': ['An OpenAI API key in one of its documented layouts: `sk-proj-`, `sk-svcacct-` or `sk-admin-` followed by 74 (or 58) characters, the `T3BlbkFJ` marker and 74 (or 58) more, or the legacy `sk-` + 20 + `T3BlbkFJ` + 20.', 'py', 'client = OpenAI(api_key="sk-proj-…")', 'py', 'client = OpenAI()  # reads OPENAI_API_KEY'],
  'anthropic-api-key': ['An Anthropic API key: `sk-ant-api03-` (or the `admin01`, `oat01` variants) followed by exactly 93 characters and `AA`.', 'py', 'client = anthropic.Anthropic(api_key="sk-ant-api03-…")', 'py', 'client = anthropic.Anthropic()  # reads ANTHROPIC_API_KEY'],
  'huggingface-token': ['A Hugging Face access token: `hf_` followed by 34 letters and digits.', 'py', 'login(token="hf_…")', 'py', 'login(token=os.environ["HF_TOKEN"])'],
  'groq-api-key': ['A Groq API key: `gsk_` followed by 52 letters and digits.', 'py', 'client = Groq(api_key="gsk_…")', 'py', 'client = Groq()  # reads GROQ_API_KEY'],
  'sentry-dsn-secret': ['A legacy Sentry DSN that still carries the secret key: `https://<32 hex>:<32 hex>@host/<project id>`. Modern DSNs have only the public key and are fine in client code.', 'ts', 'Sentry.init({ dsn: "https://0a1b…:9f8e…@o1.ingest.sentry.io/42" });', 'ts', 'Sentry.init({ dsn: "https://0a1b…@o1.ingest.sentry.io/42" }); // public key only'],
  'sentry-auth-token': ['A Sentry user auth token (`sntryu_` + 64 hex digits) or organisation token (`sntrys_eyJ…`: a base64 JSON payload, `_`, and a 43-character signature). Used to upload source maps and manage releases.', 'sh', 'SENTRY_AUTH_TOKEN=sntrys_eyJ…', 'sh', '# CI secret SENTRY_AUTH_TOKEN, never a committed .sentryclirc'],
  'datadog-api-key': ['A Datadog API key (32 hex digits) or application key (40 hex digits), recognised by its name (`DD_API_KEY`, `DD_APP_KEY`, `datadogApiKey`, `DATADOG_APPLICATION_KEY`…).', 'sh', 'DD_API_KEY=4f2a…(32 hex digits)', 'yaml', 'env:\n  - name: DD_API_KEY\n    valueFrom: { secretKeyRef: { name: datadog, key: api-key } }'],
  'new-relic-key': ['A New Relic key: user API key (`NRAK-` + 27), insights insert key (`NRII-` + 32), browser key (`NRJS-` + 19 hex) or a license key ending in `NRAL`.', 'js', "exports.config = { license_key: '0123…NRAL' };", 'js', 'exports.config = { license_key: process.env.NEW_RELIC_LICENSE_KEY };'],
  'grafana-token': ['A Grafana Cloud access policy token (`glc_` + base64) or service-account token (`glsa_` + 32 characters + `_` + 8 hex digits).', 'sh', 'GRAFANA_TOKEN=glsa_…', 'sh', '# Provide GRAFANA_TOKEN from the CI secret store.'],
  'mapbox-secret-token': ['A Mapbox secret token: `sk.eyJ…` (a JWT-like value). Public `pk.` tokens are meant for browsers and are not reported.', 'ts', 'const token = "sk.eyJ1Ijoi…";', ...ENV_TS('MAPBOX_SECRET_TOKEN')],
  'private-key': ['A PEM private key: `-----BEGIN RSA PRIVATE KEY-----`, `EC`, `DSA`, PKCS#8 `PRIVATE KEY` or `ENCRYPTED PRIVATE KEY`, followed by its base64 body — in a .pem/.key file, or inside a string (`\\n`-escaped, or concatenated lines). A header alone (code that checks for one) is not reported.', 'ts', 'const key = "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg…\\n-----END PRIVATE KEY-----\\n";', 'ts', 'const key = await fs.readFile(process.env.TLS_KEY_PATH!, "utf8"); // mounted from a secret store'],
  'openssh-private-key': ['An OpenSSH private key: `-----BEGIN OPENSSH PRIVATE KEY-----` followed by its base64 body (typically a committed `id_ed25519` / `id_rsa`).', 'text', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU…\n-----END OPENSSH PRIVATE KEY-----', 'yaml', '# Deploy keys live in the CI secret store:\n- uses: webfactory/ssh-agent@v0.9.0\n  with: { ssh-private-key: "${{ secrets.DEPLOY_KEY }}" }'],
  'pgp-private-key': ['An ASCII-armoured PGP/GPG private key block: `-----BEGIN PGP PRIVATE KEY BLOCK-----`, optional headers, and the base64 body.', 'text', '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQVYBGX…\n-----END PGP PRIVATE KEY BLOCK-----', 'sh', '# Import the signing key from a CI secret at run time:\necho "$GPG_PRIVATE_KEY" | gpg --batch --import'],
  'putty-private-key': ['A PuTTY private key file (`PuTTY-User-Key-File-2:` or `-3:`) with its `Private-Lines:` section.', 'text', 'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n…\nPrivate-Lines: 1\nAAAAIB…', 'text', 'Keep .ppk files in the user profile or an agent (Pageant), never in the repository.'],
  'age-secret-key': ['An age encryption secret key: `AGE-SECRET-KEY-1` followed by 58 bech32 characters.', 'text', '# created: 2024-05-01T10:00:00Z\nAGE-SECRET-KEY-1QQ…', 'sh', 'export SOPS_AGE_KEY_FILE="$HOME/.config/sops/age/keys.txt"  # outside the repo'],
  'jwt': ['A JSON Web Token: `eyJ…` header, `.eyJ…` payload and a signature, each at least 10 base64url characters. Reported as a warning: many are expired test tokens, but a live one is a bearer credential. The jwt.io example token is ignored.', 'ts', 'const headers = { Authorization: "Bearer eyJhbGciOi….eyJzdWIiOi….SflKx…" };', 'ts', 'const headers = { Authorization: `Bearer ${await auth.getAccessToken()}` };'],
  'authorization-header': ['A literal credential in an `Authorization` header: an optional `Bearer`, `Basic` or `Token` scheme followed by 16 or more token characters with at least 3.5 bits of entropy per character (raw header values in curl commands and HTTP files have no scheme). Values built from variables, identifiers (letters and dots only) and JWTs (reported by `secrets/jwt`) are not reported here.', 'ts', 'fetch(url, { headers: { Authorization: "Bearer 8f3kQ…" } });', 'ts', 'fetch(url, { headers: { Authorization: `Bearer ${process.env.API_TOKEN}` } });'],
  'postgres-url-password': ['A PostgreSQL connection URL with a password: `postgres://` / `postgresql://` (also `postgresql+driver://`) `user:password@host`. The docker default `postgres:postgres` and placeholders are ignored.', 'py', 'DATABASE_URL = "postgresql://app:s3cr…@db.acme.io:5432/app"', 'py', 'DATABASE_URL = os.environ["DATABASE_URL"]'],
  'mysql-url-password': ['A MySQL / MariaDB connection URL with a password: `mysql://`, `mysqlx://`, `mariadb://`, `mysql+driver://` or `jdbc:mysql://` with `user:password@host`.', 'ts', 'const pool = mysql.createPool("mysql://app:s3cr…@mysql.acme.io/shop");', 'ts', 'const pool = mysql.createPool(process.env.DATABASE_URL!);'],
  'mongodb-url-password': ['A MongoDB connection string with a password: `mongodb://` or `mongodb+srv://` with `user:password@host`, where the host may also be a percent-encoded Unix socket path (`%2Ftmp%2Fmongodb-27017.sock`).', 'ts', 'await mongoose.connect("mongodb+srv://app:s3cr…@cluster0.abcde.mongodb.net/db");', 'ts', 'await mongoose.connect(process.env.MONGODB_URI!);'],
  'redis-url-password': ['A Redis URL with a password: `redis://` or `rediss://` with `user:password@host` (the user may be empty: `redis://:password@host`).', 'ts', 'const redis = new Redis("rediss://default:s3cr…@cache.acme.io:6380");', 'ts', 'const redis = new Redis(process.env.REDIS_URL!);'],
  'amqp-url-password': ['An AMQP (RabbitMQ) URL with a password: `amqp://` or `amqps://` with `user:password@host`. The default `guest:guest` is ignored.', 'py', 'conn = pika.BlockingConnection(pika.URLParameters("amqps://worker:s3cr…@mq.acme.io/vhost"))', 'py', 'conn = pika.BlockingConnection(pika.URLParameters(os.environ["AMQP_URL"]))'],
  'url-basic-auth': ['A password embedded in an http(s), ftp, sftp, ssh, git, ldap or smtp URL: `scheme://user:password@host`. URLs end up in logs, error messages and shell history. Tokens that another rule recognises (GitHub, GitLab) are reported by that rule.', 'sh', 'git clone https://deploy:s3cr…@git.acme.io/team/app.git', 'sh', 'git -c credential.helper=store clone https://git.acme.io/team/app.git  # or an SSH deploy key'],
  'cloudflare-api-token': ['A Cloudflare API token or key in the scannable format: `cfut_` (user token), `cfat_` (account token) or `cfk_` (API key) followed by 40–64 letters and digits.', 'sh', 'export CLOUDFLARE_API_TOKEN=cfut_…', 'sh', '# CI secret CLOUDFLARE_API_TOKEN; locally: wrangler login'],
  'cloudflare-origin-ca-key': ['A Cloudflare Origin CA key: `v1.0-`, 24 hex digits, `-`, and 146 hex digits.', 'hcl', 'provider "cloudflare" {\n  api_user_service_key = "v1.0-…"\n}', 'hcl', 'provider "cloudflare" {} # reads CLOUDFLARE_API_USER_SERVICE_KEY from the environment'],
  'flyio-token': ['A Fly.io token: `fo1_` + 43 characters, or a macaroon `fm1a_`, `fm1r_`, `fm2_` + 100 or more base64 characters (often after `FlyV1 `).', 'yaml', 'env:\n  FLY_API_TOKEN: FlyV1 fm2_…', 'yaml', 'env:\n  FLY_API_TOKEN: ${{ secrets.FLY_API_TOKEN }}'],
  'onepassword-service-account-token': ['A 1Password service-account token: `ops_eyJ` followed by 250 or more base64 characters (a base64 JSON document that holds the account\'s key).', 'sh', 'export OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ…', 'yaml', 'env:\n  OP_SERVICE_ACCOUNT_TOKEN: ${{ secrets.OP_SERVICE_ACCOUNT_TOKEN }}'],
  'jfrog-token': ['A JFrog Artifactory API key (`AKCp` + 69 letters and digits) or reference token (`cmVmdGtu` + 56: the base64 of `reftkn`).', 'yaml', 'artifactory_api_key: AKCp…', 'yaml', 'artifactory_api_key: ${ARTIFACTORY_API_KEY}'],
  'sourcegraph-token': ['A Sourcegraph access token: `sgp_`, an optional 16-hex instance id or `local`, `_`, and 40 hex digits.', 'ts', 'const client = new Sourcegraph({ token: "sgp_…" });', ...ENV_TS('SRC_ACCESS_TOKEN')],
  'snyk-api-token': ['A Snyk API token: a UUID assigned to a name containing snyk and token/key/api (`SNYK_TOKEN`, `snykApiKey`).', 'sh', 'SNYK_TOKEN=3f0c…(UUID)', 'yaml', 'env:\n  SNYK_TOKEN: ${{ secrets.SNYK_TOKEN }}'],
  'docker-config-auth': ['A registry credential in a Docker `config.json`: an `"auth"` value (base64 of `user:password`) inside `"auths"`, with at least 3 bits of entropy per character.', 'json', '{ "auths": { "registry.acme.io": { "auth": "ZGVw…" } } }', 'json', '{ "auths": { "registry.acme.io": {} }, "credsStore": "desktop" }'],
  'slack-config-token': ['A Slack app configuration token or its refresh token: `xoxe.xoxp-1-` / `xoxe.xoxb-1-` + 150–180 characters, or `xoxe-1-` + 130–160.', 'ts', 'const slack = new WebClient("xoxe.xoxp-1-…");', ...ENV_TS('SLACK_CONFIG_TOKEN')],
  'microsoft-teams-webhook-url': ['A Microsoft Teams incoming-webhook URL: `https://<tenant>.webhook.office.com/webhookb2/<uuid>@<uuid>/IncomingWebhook/<32 characters>/<uuid>`. Anyone holding it can post to the channel.', 'yaml', 'teams_url: https://acme.webhook.office.com/webhookb2/…', 'yaml', 'teams_url: ${TEAMS_WEBHOOK_URL}'],
  'zapier-webhook-url': ['A Zapier catch-hook URL: `https://hooks.zapier.com/hooks/catch/<account id>/<hook id>`. Anyone holding it can trigger the Zap.', 'py', 'requests.post("https://hooks.zapier.com/hooks/catch/123…/ab…/", json=event)', 'py', 'requests.post(os.environ["ZAPIER_HOOK_URL"], json=event)'],
  'hubspot-api-key': ['A HubSpot private-app token (`pat-na1-` / `pat-eu1-` + UUID) anywhere, or a UUID assigned to a name containing hubspot and key/token.', 'ts', 'const hubspot = new Client({ accessToken: "pat-na1-…" });', ...ENV_TS('HUBSPOT_ACCESS_TOKEN')],
  'huggingface-org-token': ['A Hugging Face organisation API token: `api_org_` followed by 34 letters.', 'py', 'HfApi(token="api_org_…")', 'py', 'HfApi(token=os.environ["HF_TOKEN"])'],
  'pinecone-api-key': ['A Pinecone API key: `pcsk_`, a short key id, `_`, and 50–80 letters and digits.', 'py', 'pc = Pinecone(api_key="pcsk_…")', 'py', 'pc = Pinecone()  # reads PINECONE_API_KEY'],
  'langsmith-api-key': ['A LangSmith API key: `lsv2_pt_` (personal) or `lsv2_sk_` (service) + 32 hex digits + `_` + 10 hex digits.', 'sh', 'LANGSMITH_API_KEY=lsv2_pt_…', 'sh', '# CI secret LANGSMITH_API_KEY; locally an untracked .env'],
  'curl-basic-auth': ['A password on a `curl` command line: `-u user:password` or `--user user:password`. Command lines land in shell history and CI logs. Values from the environment (`-u "$USER:$TOKEN"`) are not reported.', 'sh', 'curl -u deploy:Tz8q… https://ci.acme.io/api/json', 'sh', 'curl --netrc-file "$NETRC" https://ci.acme.io/api/json'],
  'generic-assignment': ['A quoted string of 8 or more characters assigned to a name that ends in a secret word — password, passwd, passphrase, pwd, secret, token, api key, access key, private key, auth key, credential(s) — in camelCase, snake_case or UPPER_CASE, with `=`, `:`, `:=` or `=>`. To keep words and placeholders out it needs at least 3 bits of entropy per character and is not reported for identifier-like words (`"SESSION_SECRET"`), URLs, file paths, secret-manager references, placeholders, values with a provider prefix (`ghp_`, `sk-ant-`, `xoxb-`…: the provider\'s own rule decides, so a malformed token is not reported here), or in tests and fixtures (see `data/secret-in-test-fixture`) and Markdown/reST documentation, where `` token: `…` `` is usually prose.', 'ts', 'const dbPassword = "Tr0ub4dor&3…";', 'ts', 'const dbPassword = process.env.DB_PASSWORD;'],
  'generic-config-assignment': ['An unquoted value of 8 or more characters assigned to a secret-looking key (PASSWORD, SECRET, TOKEN, API_KEY, ACCESS_KEY, PRIVATE_KEY, CREDENTIALS…) in any file that is not source code or documentation: `.env`, `.properties`, `.ini`, YAML, TOML, `.txt`, Dockerfiles, CI files…, with at least 3 bits of entropy per character. Template files (`.env.example`, `*.sample`, `*.template`, `*.dist`), tests and fixtures, references (`${VAR}`, `!vault`) and values with a provider prefix (left to the provider\'s rule) are ignored; quoted values are reported by `secrets/generic-assignment`.', 'properties', 'NODE_ENV=production\nSESSION_SECRET=q8Xr…', 'properties', '# .env.example (committed): names only\nSESSION_SECRET=\n# The real .env is in .gitignore; production values come from the secret store.'],
};

const SECRET_SUPPRESS =
  'Only when the value is provably not a credential (a vendor\'s published example the placeholder list does not know, a revoked key kept in a regression test), and say so:\n' +
  '`// conductor-disable-next-line {id} -- revoked key, kept for the parser test`\n\n' +
  'If the value was real, suppressing does not help: it is in the git history. Rotate it.';

// ---------------------------------------------------------------------------------------------------
// Security and data rules: [why, bad [lang, code], good [lang, code], when to suppress]
const RULES = {
  'security/js-dynamic-code': [
    'Strings passed to `setTimeout`/`setInterval`/`setImmediate`, and dynamic code given to Node\'s `vm` module, are compiled and run like `eval`. (`eval()` and `new Function()` themselves are reported by `security/no-eval` and `security/no-new-function` in conductor:recommended.)',
    ['js', 'setTimeout("refresh(" + id + ")", 100);\nvm.runInNewContext(userCode, sandbox);'],
    ['js', 'setTimeout(() => refresh(id), 100);\n// Untrusted code needs a real sandbox (a separate process or isolate), not vm.'],
    'For code from a trusted build step, with the reason.',
  ],
  'security/py-dynamic-code': [
    '`exec()` and `compile()` applied to an f-string, a concatenation, a %-formatted string, `input()` or request data run whatever ends up in the string.',
    ['py', 'exec(f"result = {expression}")\ncode = compile(source + suffix, "<string>", "exec")'],
    ['py', 'OPERATIONS = {"add": operator.add, "sub": operator.sub}\nresult = OPERATIONS[name](a, b)\nvalue = ast.literal_eval(text)  # literals only'],
    'For a code generator whose input is fully trusted, with the reason.',
  ],
  'security/js-shell-command-injection': [
    '`exec`/`execSync` run their argument through a shell. When the command is a template literal or a concatenation, a value containing `;`, `&&`, `$()` or backticks runs its own commands. `spawn`/`execFile` with `shell: true` and a built command string are the same.',
    ['js', 'exec(`git checkout ${branch}`);\nchild_process.execSync("rm -rf " + dir);'],
    ['js', "execFile('git', ['checkout', branch]);\nfs.rmSync(dir, { recursive: true, force: true });"],
    'When every interpolated value is a constant or has been validated against a strict allow-list; name it in the reason.',
  ],
  'security/py-shell-injection': [
    '`subprocess.*(…, shell=True)` with an f-string, concatenation, `%` or `.format()` command, and `os.system`/`os.popen`/`subprocess.getoutput` with such a string, hand user-controlled text to `/bin/sh`.',
    ['py', 'subprocess.run(f"tar -xf {path}", shell=True)\nos.system("ping " + host)'],
    ['py', 'subprocess.run(["tar", "-xf", path], check=True)\nsubprocess.run(["ping", "-c", "1", host], check=True)'],
    'When the shell is required (pipes) and the values are passed through `shlex.quote`.',
  ],
  'security/java-command-injection': [
    '`Runtime.exec(String)` splits a concatenated command on spaces (input adds arguments), and `ProcessBuilder("sh", "-c", …)` with a concatenated or `String.format` command lets input add whole commands.',
    ['java', 'Runtime.getRuntime().exec("ping " + host);\nnew ProcessBuilder("sh", "-c", "ls " + dir).start();'],
    ['java', 'new ProcessBuilder("ping", "-c", "1", host).start();\nnew ProcessBuilder("ls", dir).start();'],
    'When the concatenated parts are constants; say which.',
  ],
  'security/go-command-injection': [
    '`exec.Command("sh", "-c", …)` (or bash/zsh/cmd) with a concatenated or `fmt.Sprintf` command string lets input inject shell syntax.',
    ['go', 'out, err := exec.Command("sh", "-c", "ls "+dir).Output()\ncmd := exec.CommandContext(ctx, "bash", "-c", fmt.Sprintf("tar -xf %s", path))'],
    ['go', 'out, err := exec.Command("ls", dir).Output()\ncmd := exec.CommandContext(ctx, "tar", "-xf", path)'],
    'When the inserted values are constants.',
  ],
  'security/sql-concatenation': [
    'A string that contains SQL structure (`SELECT … FROM`, `INSERT INTO`, `UPDATE … SET`, `DELETE FROM`, `WHERE`, `ORDER BY`, `GROUP BY`, in upper case or, for multi-word forms, lower case) closed and followed by `+` and a variable. The regex starts at the SQL keyword, so it is cheap on large files; prose such as "Update available: " + v does not match.',
    ['ts', 'db.query("SELECT * FROM users WHERE id = " + req.params.id);'],
    ['ts', 'db.query("SELECT * FROM users WHERE id = $1", [req.params.id]);'],
    'For identifiers (a column name from a fixed allow-list): `-- column comes from SORTABLE_COLUMNS`.',
  ],
  'security/sql-template-literal': [
    'A JavaScript/TypeScript template literal that contains SQL structure and a `${…}` substitution. Tagged templates (`` sql`…` ``, `` Prisma.sql`…` ``, `` $queryRaw`…` ``) are not reported: their tags turn substitutions into parameters.',
    ['ts', 'await db.query(`SELECT * FROM users WHERE email = \'${email}\'`);'],
    ['ts', 'await db.query("SELECT * FROM users WHERE email = $1", [email]);\nawait sql`SELECT * FROM users WHERE email = ${email}`; // tagged: parameterised'],
    'For identifiers from a fixed allow-list, with the reason.',
  ],
  'security/sql-python-fstring': [
    'Python SQL built with an f-string (also triple-quoted, multi-line) that contains SQL structure and a `{…}` substitution. DB-API drivers take parameters separately: `cursor.execute(sql, params)`.',
    ['py', 'cur.execute(f"SELECT * FROM users WHERE name = \'{name}\'")'],
    ['py', 'cur.execute("SELECT * FROM users WHERE name = %s", (name,))'],
    'For identifiers from a fixed allow-list, with the reason.',
  ],
  'security/sql-python-format': [
    'Python SQL built with `%` formatting or `.format()` on a string that contains SQL structure. (`cursor.execute("… %s", params)` with a comma is parameterised and fine.)',
    ['py', 'cur.execute("SELECT * FROM users WHERE id = %s" % user_id)'],
    ['py', 'cur.execute("SELECT * FROM users WHERE id = %s", (user_id,))'],
    'For identifiers from a fixed allow-list, with the reason.',
  ],
  'security/sql-format-string': [
    'Go `fmt.Sprintf` and Java `String.format` building SQL with `%s`/`%v`.',
    ['go', 'q := fmt.Sprintf("SELECT * FROM users WHERE name = \'%s\'", name)\nrows, err := db.Query(q)'],
    ['go', 'rows, err := db.Query("SELECT * FROM users WHERE name = $1", name)'],
    'For identifiers from a fixed allow-list, with the reason.',
  ],
  'security/tls-verification-bypass': [
    'TLS verification switched off in the forms that conductor:recommended\'s `security/tls-verification-disabled` does not cover: `rejectUnauthorized = false` (assignment), `strictSSL: false`, `process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = "0"`, Python `ssl._create_unverified_context`, `check_hostname = False`, `verify_mode = ssl.CERT_NONE`, `cert_reqs=CERT_NONE`, `verify_ssl=False`, Go `InsecureSkipVerify = true`, and Java trust-all hostname verifiers and empty `checkServerTrusted` methods. Extend both rulesets for complete coverage.',
    ['java', 'conn.setHostnameVerifier((hostname, session) -> true);'],
    ['java', '// Trust the internal CA instead of everything:\nKeyStore trust = KeyStore.getInstance("PKCS12");\ntrust.load(Files.newInputStream(caPath), password);'],
    'In a test against a local server with a throw-away certificate, with the reason.',
  ],
  'security/jwt-verification-disabled': [
    'JWT decoding that skips signature verification (`options={"verify_signature": False}`), accepts the `none` algorithm (`algorithms: ["none"]`, Go\'s `jwt.UnsafeAllowNoneSignatureType`), or parses unsecured tokens (jjwt `.unsecured()`).',
    ['py', 'claims = jwt.decode(token, options={"verify_signature": False})'],
    ['py', 'claims = jwt.decode(token, public_key, algorithms=["RS256"], audience="api")'],
    'To read claims of a token that is verified elsewhere (e.g. by the gateway); say where.',
  ],
  'security/weak-password-hash': [
    'MD5 or SHA-1 (`createHash("md5")`, `hashlib.sha1`, `md5.Sum`, `MessageDigest.getInstance("MD5")`, `DigestUtils.md5Hex`, `md5(…)`) within 160 characters of a password variable. Both are fast hashes: leaked digests are cracked at billions of guesses per second.',
    ['ts', "const hash = crypto.createHash('md5').update(password).digest('hex');"],
    ['ts', 'const hash = await bcrypt.hash(password, 12); // or argon2.hash(password)'],
    'When the digest is not stored or compared as a password hash (e.g. an API that requires MD5 of a nonce); explain.',
  ],
  'security/insecure-random-secret': [
    '`Math.random()`, Python `random.*` or `java.util.Random` used to produce a value assigned to a name ending in token, secret, password, nonce, salt, otp, api key, session id or csrf (within 80 characters). These generators are predictable.',
    ['ts', 'const resetToken = Math.random().toString(36).slice(2);'],
    ['ts', "const resetToken = crypto.randomBytes(32).toString('base64url');"],
    'Rarely: for non-secret identifiers that merely have such a name.',
  ],
  'security/insecure-random-secret-function': [
    'A function whose name mentions token, secret, password, otp, nonce, salt or api key and whose body (first 300 characters) calls `Math.random()` or Python `random.*`.',
    ['py', 'def make_password(n=12):\n    return "".join(random.choice(ALPHABET) for _ in range(n))'],
    ['py', 'def make_password(n=12):\n    return "".join(secrets.choice(ALPHABET) for _ in range(n))'],
    'When the function does not produce a secret despite its name.',
  ],
  'security/python-unsafe-deserialization': [
    '`pickle`/`cPickle`/`_pickle`/`dill`/`cloudpickle`/`joblib`/`marshal`/`shelve`/`jsonpickle` loading, and `pandas.read_pickle`: unpickling executes code chosen by whoever produced the bytes.',
    ['py', 'session = pickle.loads(request.cookies["session"])'],
    ['py', 'session = json.loads(signer.unsign(request.cookies["session"]))'],
    'For files your own process wrote to a location nobody else can write (a local cache); say so.',
  ],
  'security/yaml-unsafe-load': [
    '`yaml.load(x)` / `yaml.load_all(x)` with a single argument (no Loader): older PyYAML uses an unsafe loader, newer versions raise. The quick fix rewrites it to `yaml.safe_load(x)` / `yaml.safe_load_all(x)` and is safe to apply automatically.',
    ['py', 'config = yaml.load(open(path))'],
    ['py', 'config = yaml.safe_load(open(path))'],
    'Not needed: apply the fix.',
  ],
  'security/yaml-unsafe-loader': [
    '`yaml.load(…, Loader=Loader|FullLoader|UnsafeLoader|CLoader…)`, `yaml.unsafe_load` and `yaml.full_load`: these loaders construct Python objects from tags in the document. `Loader=SafeLoader` / `CSafeLoader` is fine.',
    ['py', 'config = yaml.load(stream, Loader=yaml.FullLoader)'],
    ['py', 'config = yaml.load(stream, Loader=yaml.SafeLoader)  # or yaml.safe_load(stream)'],
    'For trusted, internally generated YAML that needs custom tags; explain.',
  ],
  'security/java-unsafe-deserialization': [
    '`new ObjectInputStream(…)`, `new XMLDecoder(…)`, `new XStream()`, `SerializationUtils.deserialize` and Jackson default typing (`enableDefaultTyping`/`activateDefaultTyping`): deserialising untrusted bytes can run gadget chains.',
    ['java', 'Object msg = new ObjectInputStream(socket.getInputStream()).readObject();'],
    ['java', 'Order msg = mapper.readValue(socket.getInputStream(), Order.class);'],
    'When an `ObjectInputFilter` allow-list is installed on the stream; name it.',
  ],
  'security/insecure-http-url': [
    'A plain `http://` URL in a string literal to a host that is not local: localhost, loopback and private addresses, single-label hosts (docker-compose service names), `.local`/`.internal`/`.test`/`.example`/`.invalid`/`.svc`, example.com, cloud metadata (169.254.*) and XML-namespace hosts (w3.org, schemas.*, xmlns.com, purl.org…) are allowed. URLs in comments are not reported. The quick fix (`http://` → `https://`) is offered but never applied automatically, since the server must support TLS.',
    ['ts', 'const res = await fetch("http://api.acme.io/v1/orders");'],
    ['ts', 'const res = await fetch("https://api.acme.io/v1/orders");'],
    'For endpoints that cannot do TLS (some device APIs) on a trusted network, with the reason.',
  ],
  'security/cors-wildcard-credentials': [
    'CORS configured to allow any origin (`"*"`, or `origin: true`, which reflects every origin) together with credentials: Express `cors()`, FastAPI/Starlette `CORSMiddleware`, flask-cors, django-cors-headers settings, Spring `allowedOrigins("*").allowCredentials(true)` and `@CrossOrigin`, gin-contrib/cors, and raw `Access-Control-Allow-*` headers.',
    ['ts', "app.use(cors({ origin: '*', credentials: true }));"],
    ['ts', "app.use(cors({ origin: ['https://app.acme.io'], credentials: true }));"],
    'Never with credentials; drop credentials for a public API instead.',
  ],
  'data/pii-in-logs': [
    'A log or print call (`console.*`, `logger.*`, `log.*`, `logging.*`, `print`, `System.out.println`, `fmt.Print*`, slog/logrus/winston) with a personal-data field among its arguments on the same line: email, SSN / social security number, card number / credit card / CVV, IBAN, phone / mobile number, date of birth / dob / birth date, passport, national id, tax id, driver\'s licence. Field names match case-insensitively with `-`, `_` or nothing between words (`user.email`, `cardNumber`, `date_of_birth`), and must follow a separator (`.`, `(`, `,`, `{`, `+`, `%`, `=`, `:`), so prose such as `"email sent"` does not count.\n\n' +
      '**Your own field names.** Define a pattern with the same id in your `.conductor/rules.jsonc`; it replaces this one (later rule files win):\n\n' +
      '```jsonc\n{\n  "extends": ["conductor:data"],\n  "patterns": [{\n    "id": "data/pii-in-logs",\n    "regex": "\\\\b(?:console\\\\.log|logger\\\\.\\\\w+)\\\\s*\\\\([^;\\\\n]{0,200}?\\\\b(?<field>patientId|mrn|email)\\\\b",\n    "message": "Personal data ($<field>) in a log call.",\n    "severity": "error",\n    "in": "code"\n  }]\n}\n```\n\nTo add fields instead, keep this rule and add a second pattern with your own id.',
    ['ts', 'logger.info(`Charging card ${order.cardNumber} for ${user.email}`);'],
    ['ts', 'logger.info("Charging card", { orderId: order.id, userId: user.id });'],
    'When the value is already masked or hashed before the call; say how.',
  ],
  'data/env-dump': [
    'The whole environment (`process.env`, `os.environ`, `os.Environ()`, `System.getenv()`) passed to a log/print call, `JSON.stringify`/`json.dumps`, or an HTTP response (`res.json`/`res.send`). Reading one variable (`process.env.PORT`) is fine.',
    ['ts', 'console.log("starting with", process.env);\napp.get("/debug", (req, res) => res.json(process.env));'],
    ['ts', 'console.log("starting on port", process.env.PORT);'],
    'Practically never; log the variables you need by name.',
  ],
  'data/secret-in-test-fixture': [
    'In test and fixture files (`test/`, `tests/`, `__tests__/`, `spec/`, `fixtures/`, `testdata/`, `cassettes/`, `*.test.*`, `*.spec.*`, `*_test.go`, `test_*.py`, `*Test.java`, `.har`, `.snap`), a value of 16 or more token characters assigned to a password, secret, token, api key, access key, private key, authorization or cookie field, with at least 3.5 bits of entropy per character. Realistic values in fixtures are often real credentials copied from a debugging session (recorded HTTP cassettes are the classic case). Values starting with test/mock/stub/fixture/fake are ignored. The value is masked in findings.',
    ['yaml', '# tests/cassettes/get_user.yaml\n    Authorization: [Bearer 9xQ2…(40 random characters)]'],
    ['yaml', '    Authorization: [Bearer test-token]\n# and filter real headers when recording: vcr.use_cassette(filter_headers=["authorization"])'],
    'When the value is a generated, never-valid fake that happens to look random; say so.',
  ],
  'data/pii-in-test-fixture': [
    'In test and fixture files, what looks like a US social security number (`NNN-NN-NNNN`, first group 000–899) or a payment card number (Visa, Mastercard, Amex, Discover prefixes, optionally grouped). Published test values are ignored: 123-45-6789, Stripe/Braintree test cards (4242 4242 4242 4242, 4111 1111 1111 1111, 5555 5555 5555 4444…), and SSNs with a 000/666 area, 00 group or 0000 serial.',
    ['json', '{ "name": "Ann Lee", "ssn": "078-05-1120", "card": "4916 3385 0608 2832" }'],
    ['json', '{ "name": "Ann Lee", "ssn": "123-45-6789", "card": "4242 4242 4242 4242" }'],
    'When the number is synthetic and invalid by construction (e.g. a failing Luhn check in a validator test).',
  ],
};

// ---------------------------------------------------------------------------------------------------

/** How a fix reads to people (the rule file holds the replacement template). */
const FIX_LABEL = {
  'security/yaml-unsafe-load': '`yaml.load(…)` → `yaml.safe_load(…)`',
  'security/insecure-http-url': '`http://` → `https://`',
};

const PLACE = {
  any: 'anywhere in the file: code, strings and comments (a commented-out key is still leaked)',
  code: 'in **code only**: matches inside comments and string literals are ignored',
  strings: 'only inside **string literals** (not comments)',
  comments: 'only inside comments',
};

function page(rulesetName, p) {
  const short = p.id.slice(p.id.indexOf('/') + 1);
  const severity = p.severity ?? 'warning';
  const fixLabel = FIX_LABEL[p.id] ?? `\`${p.fix}\``;
  const fix = p.fix === undefined ? 'none' : p.fixSafe === false ? `${fixLabel} (offered on request only)` : `${fixLabel} (safe, applied by fix-all)`;
  let what;
  let bad;
  let good;
  let suppress;
  if (rulesetName === 'secrets') {
    const s = SECRETS[short];
    if (!s) {
      throw new Error(`No documentation entry for ${p.id}`);
    }
    what = s[0];
    bad = [s[1], s[2]];
    good = [s[3], s[4]];
    suppress = SECRET_SUPPRESS.replace('{id}', p.id);
  } else {
    const r = RULES[p.id];
    if (!r) {
      throw new Error(`No documentation entry for ${p.id}`);
    }
    [what, bad, good, suppress] = r;
  }
  const how = [];
  how.push(`The regex${p.flags ? ` (flags \`${p.flags}\`)` : ''}:\n\n\`\`\`text\n${p.regex}\n\`\`\``);
  const facts = [];
  if (p.keywords) {
    facts.push(`**Keywords** (case-insensitive prefilter): ${p.keywords.map((k) => `\`${k}\``).join(', ')}. Files containing none of them are skipped without running the regex.`);
  }
  if (p.minEntropy !== undefined) {
    facts.push(`**Entropy gate:** the value must have at least ${p.minEntropy} bits of Shannon entropy per character.`);
  }
  if (p.allow) {
    facts.push(`**Allowed values** (case-insensitive regexes; a match whose value matches one is not reported): ${p.allow.map((a) => `\`${a}\``).join(', ')}.`);
  }
  if (p.secret) {
    facts.push('**Masked:** findings show only a short prefix and the length (e.g. `AKIA…(20 chars)`), never the value — in the editor, CLI output, SARIF and reports. Documentation placeholders (`EXAMPLE`, `xxxx`, `changeme`, `your-…`, `<…>`, `${…}`, `process.env…`, one repeated character) are ignored, and text another secrets rule already reported is not reported twice.');
  }
  facts.push(`**Where:** ${PLACE[p.in ?? 'any']}.`);
  facts.push(`**Files:** ${p.paths ? p.paths.map((g) => `\`${g}\``).join(', ') : 'all'}${p.exclude ? `; not ${p.exclude.map((g) => `\`${g}\``).join(', ')}` : ''}.`);
  how.push(facts.map((f) => `- ${f}`).join('\n'));
  const aiNote =
    severity === 'error' ? '' : p.aiSeverity ? ` (${p.aiSeverity} inside AI-generated code)` : ' (error inside AI-generated code with `conductor:strict-ai`)';
  const lines = [
    `# ${p.id}`,
    '',
    `**Ruleset:** \`conductor:${rulesetName}\` · **Default:** ${severity}${aiNote} · **Fix:** ${fix}`,
    '',
    what,
    '',
    `> ${p.message.replace(/\$masked|\$<\w+>|\$\d/g, '…')}`,
    '',
    '## How it matches',
    how.join('\n\n'),
    '',
    '## Bad',
    `\`\`\`${bad[0]}\n${bad[1]}\n\`\`\``,
    ...(rulesetName === 'secrets' ? ['', '_Values are shortened with `…` here; the rule needs the full-length value._'] : []),
    '',
    '## Good',
    `\`\`\`${good[0]}\n${good[1]}\n\`\`\``,
    '',
    '## When to suppress',
    suppress,
    '',
  ];
  return lines.join('\n');
}

const check = process.argv.includes('--check');
const stale = [];
let count = 0;
for (const name of RULESETS) {
  const file = join(root, 'rules', `${name}.jsonc`);
  const { patterns } = parse(readFileSync(file, 'utf8'));
  for (const p of patterns) {
    const target = join(root, 'rules', 'docs', `${p.id}.md`);
    const text = page(name, p);
    count++;
    if (check) {
      if (!existsSync(target) || readFileSync(target, 'utf8') !== text) {
        stale.push(target);
      }
    } else {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
  }
}
if (check && stale.length > 0) {
  console.error(`Out-of-date rule docs (run node scripts/gen-rule-docs.mjs):\n${stale.join('\n')}`);
  process.exit(1);
}
console.log(`${check ? 'Checked' : 'Wrote'} ${count} rule pages.`);
