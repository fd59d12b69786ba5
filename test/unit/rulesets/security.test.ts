import * as assert from 'node:assert';
import type { Policy } from '../../../server/src/engine';
import { policyFor, scan } from './helpers';

/** [file, code] pairs: each positive must produce exactly one finding of the rule, each negative none. */
type Sample = [string, string];

const CASES: Record<string, { bad: Sample[]; good: Sample[] }> = {
  'security/js-dynamic-code': {
    bad: [
      ['a.ts', 'setTimeout("refresh(" + id + ")", 100);'],
      ['a.js', 'setInterval(`tick(${n})`, 1000);'],
      ['a.ts', 'vm.runInNewContext(userCode, sandbox);'],
      ['a.ts', 'const s = new vm.Script(`(${src})`);'],
    ],
    good: [
      ['a.ts', 'setTimeout(() => refresh(id), 100);'],
      ['a.ts', 'setTimeout(refresh, 100);'],
      ['a.ts', '// setTimeout("refresh()", 100) is how it used to work'],
      ['a.py', 'setTimeout("x()", 1)'],
    ],
  },
  'security/py-dynamic-code': {
    bad: [
      ['a.py', 'exec(f"result = {expr}")'],
      ['a.py', 'exec("x = " + value)'],
      ['a.py', 'code = compile(source + suffix, "<string>", "exec")'],
      ['a.py', 'exec(input())'],
    ],
    good: [
      ['a.py', 're.compile(pattern + "$")'],
      ['a.py', 'exec(COMPILED_TEMPLATE)'],
      ['a.py', '# exec(f"{x}") is dangerous'],
      ['a.py', 'executor.exec(f"{x}")'],
    ],
  },
  'security/js-shell-command-injection': {
    bad: [
      ['a.ts', 'exec(`git checkout ${branch}`);'],
      ['a.ts', "child_process.execSync('rm -rf ' + dir);"],
      ['a.js', 'const out = cp.exec(cmd + " --force", cb);'],
      ['a.ts', 'spawn(`convert ${file} out.png`, { shell: true });'],
      ['a.ts', 'spawn(\n  "tar -xf " + archive,\n  { cwd, shell: true },\n);'],
    ],
    good: [
      ['a.ts', "execFile('git', ['checkout', branch]);"],
      ['a.ts', "spawn('convert', [file, 'out.png']);"],
      ['a.ts', 'const m = /(\\d+)/.exec(prefix + line);'],
      ['a.ts', "exec('git status');"],
      ['a.ts', 'const s = "exec(`ls ${dir}`)";'],
    ],
  },
  'security/py-shell-injection': {
    bad: [
      ['a.py', 'subprocess.run(f"tar -xf {path}", shell=True)'],
      ['a.py', 'subprocess.check_output("ls " + folder, shell=True, text=True)'],
      ['a.py', 'subprocess.Popen(\n    "grep %s log.txt" % term,\n    shell=True,\n)'],
      ['a.py', 'os.system(f"rm -rf {target}")'],
      ['a.py', 'os.popen("ping " + host).read()'],
    ],
    good: [
      ['a.py', 'subprocess.run(["tar", "-xf", path])'],
      ['a.py', 'subprocess.run(f"tar -xf {path}".split())'],
      ['a.py', 'subprocess.run("make all", shell=True)'],
      ['a.py', 'os.system("clear")'],
    ],
  },
  'security/java-command-injection': {
    bad: [
      ['A.java', 'Process p = Runtime.getRuntime().exec("ping " + host);'],
      ['A.java', 'runtime.exec(cmd + " " + arg);'],
      ['A.java', 'new ProcessBuilder("sh", "-c", "ls " + dir).start();'],
      ['A.java', 'new ProcessBuilder("/bin/bash", "-c", String.format("du %s", dir));'],
    ],
    good: [
      ['A.java', 'new ProcessBuilder("ls", dir).start();'],
      ['A.java', 'Runtime.getRuntime().exec(new String[] {"ping", host});'],
      ['A.java', 'Runtime.getRuntime().exec("uptime");'],
    ],
  },
  'security/go-command-injection': {
    bad: [
      ['a.go', 'out, err := exec.Command("sh", "-c", "ls " + dir).Output()'],
      ['a.go', 'cmd := exec.CommandContext(ctx, "bash", "-c", fmt.Sprintf("tar -xf %s", path))'],
    ],
    good: [
      ['a.go', 'out, err := exec.Command("ls", dir).Output()'],
      ['a.go', 'cmd := exec.Command("sh", "-c", "make all")'],
    ],
  },
  'security/sql-concatenation': {
    bad: [
      ['a.ts', 'db.query("SELECT * FROM users WHERE id = " + req.params.id);'],
      ['a.js', "const q = 'DELETE FROM sessions WHERE user = ' + user;"],
      ['A.java', 'stmt.executeQuery("SELECT name FROM accounts WHERE owner = \'" + owner + "\'");'],
      ['a.go', 'rows, _ := db.Query("SELECT id FROM orders WHERE status = \'" + status + "\'")'],
      ['a.py', 'cursor.execute("UPDATE users SET name = \'" + name + "\' WHERE id = 1")'],
      ['a.ts', 'sql += " ORDER BY " + column;'],
    ],
    good: [
      ['a.ts', 'db.query("SELECT * FROM users WHERE id = $1", [req.params.id]);'],
      ['a.ts', 'const q = "SELECT * FROM users " + "WHERE active";'],
      ['a.ts', 'toast("Update available: " + version);'],
      ['a.ts', 'label = "Select a file from the list: " + name;'],
      ['a.rb', 'q = "SELECT * FROM t WHERE a = " + b'],
    ],
  },
  'security/sql-template-literal': {
    bad: [
      ['a.ts', 'await db.query(`SELECT * FROM users WHERE email = \'${email}\'`);'],
      ['a.ts', 'const q = `DELETE FROM carts WHERE id = ${id}`;'],
      ['a.ts', 'prisma.$queryRawUnsafe(`SELECT * FROM t WHERE a = ${a}`);'],
    ],
    good: [
      ['a.ts', 'await sql`SELECT * FROM users WHERE email = ${email}`;'],
      ['a.ts', 'await prisma.$queryRaw`SELECT * FROM t WHERE a = ${a}`;'],
      ['a.ts', 'const q = `SELECT * FROM users WHERE id = $1`;'],
      ['a.ts', 'const msg = `Select where to save ${name}`;'],
    ],
  },
  'security/sql-python-fstring': {
    bad: [
      ['a.py', 'cur.execute(f"SELECT * FROM users WHERE name = \'{name}\'")'],
      ['a.py', "cur.execute(f'DELETE FROM sessions WHERE user_id = {uid}')"],
      ['a.py', 'q = f"""\n    SELECT id\n    FROM orders\n    WHERE owner = {owner}\n"""'],
    ],
    good: [
      ['a.py', 'cur.execute("SELECT * FROM users WHERE id = %s", (user_id,))'],
      ['a.py', 'log.info(f"selected {n} rows")'],
      ['a.py', 'title = f"Update {name}"'],
      ['a.py', 'q = f"SELECT * FROM users"'],
    ],
  },
  'security/sql-python-format': {
    bad: [
      ['a.py', 'cur.execute("SELECT * FROM users WHERE id = %s" % user_id)'],
      ['a.py', 'q = "DELETE FROM t WHERE a = {}".format(a)'],
      ['a.py', "cur.execute('select name from users where id = %d' % (uid,))"],
    ],
    good: [
      ['a.py', 'cur.execute("SELECT * FROM users WHERE id = %s", (user_id,))'],
      ['a.py', 'msg = "Update %s" % name'],
    ],
  },
  'security/sql-format-string': {
    bad: [
      ['a.go', 'q := fmt.Sprintf("SELECT * FROM users WHERE name = \'%s\'", name)'],
      ['A.java', 'String q = String.format("DELETE FROM t WHERE id = %s", id);'],
      ['a.go', 'q := fmt.Sprintf(`SELECT id FROM t WHERE a = %v`, a)'],
    ],
    good: [
      ['a.go', 'rows, err := db.Query("SELECT * FROM users WHERE name = $1", name)'],
      ['a.go', 'msg := fmt.Sprintf("selected %s", name)'],
    ],
  },
  'security/tls-verification-bypass': {
    bad: [
      ['a.ts', 'agent.options.rejectUnauthorized = false;'],
      ['a.ts', 'request({ url, strictSSL: false });'],
      ['a.ts', 'process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = "0";'],
      ['a.py', 'ctx = ssl._create_unverified_context()'],
      ['a.py', 'ctx.check_hostname = False'],
      ['a.py', 'ctx.verify_mode = ssl.CERT_NONE'],
      ['a.go', 'cfg.InsecureSkipVerify = true'],
      ['A.java', 'HttpsURLConnection.setDefaultHostnameVerifier(NoopHostnameVerifier.INSTANCE);'],
      ['A.java', 'conn.setHostnameVerifier((hostname, session) -> true);'],
      ['A.java', 'public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {}'],
    ],
    good: [
      ['a.ts', 'agent.options.rejectUnauthorized = true;'],
      ['a.py', 'ctx = ssl.create_default_context(cafile="ca.pem")'],
      ['a.py', '# never set check_hostname = False'],
      ['A.java', 'public void checkServerTrusted(X509Certificate[] chain, String authType) { delegate.checkServerTrusted(chain, authType); }'],
    ],
  },
  'security/jwt-verification-disabled': {
    bad: [
      ['a.py', 'jwt.decode(token, options={"verify_signature": False})'],
      ['a.ts', "jwt.verify(token, key, { algorithms: ['none'] });"],
      ['a.go', 'token, _ := jwt.Parse(s, func(t *jwt.Token) (interface{}, error) { return jwt.UnsafeAllowNoneSignatureType, nil })'],
    ],
    good: [
      ['a.py', 'jwt.decode(token, key, algorithms=["RS256"])'],
      ['a.ts', "jwt.verify(token, key, { algorithms: ['RS256'] });"],
    ],
  },
  'security/weak-password-hash': {
    bad: [
      ['a.ts', "const h = crypto.createHash('md5').update(password).digest('hex');"],
      ['a.py', 'digest = hashlib.sha1(password.encode()).hexdigest()'],
      ['a.go', 'sum := md5.Sum([]byte(user.Password))'],
      ['A.java', 'MessageDigest md = MessageDigest.getInstance("MD5");\nbyte[] hash = md.digest(password.getBytes());'],
      ['A.java', 'String h = DigestUtils.md5Hex(passwd);'],
    ],
    good: [
      ['a.ts', "const etag = crypto.createHash('md5').update(body).digest('hex');"],
      ['a.py', 'digest = hashlib.sha256(password.encode()).hexdigest()'],
      ['a.ts', "const h = await bcrypt.hash(password, 12);"],
      ['a.ts', '// md5(password) was the old scheme'],
    ],
  },
  'security/insecure-random-secret': {
    bad: [
      ['a.ts', 'const resetToken = Math.random().toString(36).slice(2);'],
      ['a.js', 'user.apiKey = Math.random().toString(16).substring(2);'],
      ['a.ts', 'const otp: string = String(Math.floor(100000 + Math.random() * 900000));'],
      ['a.py', "token = ''.join(random.choice(string.ascii_letters) for _ in range(32))"],
      ['A.java', 'String sessionId = Long.toHexString(new Random().nextLong());'],
      ['a.ts', 'const session = { csrf: Math.random().toString(36) };'],
    ],
    good: [
      ['a.ts', "const resetToken = crypto.randomBytes(32).toString('hex');"],
      ['a.ts', 'const delay = Math.random() * 1000;'],
      ['a.py', 'token = secrets.token_urlsafe(32)'],
      ['a.py', 'jitter = random.random()'],
    ],
  },
  'security/insecure-random-secret-function': {
    bad: [
      ['a.ts', 'function generateToken() {\n  return Math.random().toString(36).slice(2);\n}'],
      ['a.py', 'def make_password(n=12):\n    return "".join(random.choice(ALPHABET) for _ in range(n))'],
    ],
    good: [
      ['a.ts', "function generateToken() {\n  return crypto.randomUUID();\n}"],
      ['a.py', 'def shuffle_deck(cards):\n    random.shuffle(cards)'],
    ],
  },
  'security/python-unsafe-deserialization': {
    bad: [
      ['a.py', 'obj = pickle.loads(request.data)'],
      ['a.py', 'model = joblib.load(path)'],
      ['a.py', 'df = pd.read_pickle(upload)'],
      ['a.py', 'data = cPickle.load(f)'],
    ],
    good: [
      ['a.py', 'obj = json.loads(request.data)'],
      ['a.py', 'blob = pickle.dumps(obj)'],
      ['a.py', '# pickle.loads(data) is unsafe'],
    ],
  },
  'security/yaml-unsafe-load': {
    bad: [
      ['a.py', 'cfg = yaml.load(f)'],
      ['a.py', 'cfg = yaml.load(open(path))'],
      ['a.py', 'docs = list(yaml.load_all(stream))'],
    ],
    good: [
      ['a.py', 'cfg = yaml.safe_load(f)'],
      ['a.py', 'cfg = yaml.load(f, Loader=SafeLoader)'],
      ['a.py', 'cfg = yaml.load(f, Loader=yaml.CSafeLoader)'],
      ['a.ts', 'const cfg = yaml.load(text);'],
    ],
  },
  'security/yaml-unsafe-loader': {
    bad: [
      ['a.py', 'cfg = yaml.load(f, Loader=yaml.FullLoader)'],
      ['a.py', 'cfg = yaml.load(f, Loader=Loader)'],
      ['a.py', 'cfg = yaml.unsafe_load(f)'],
      ['a.py', 'cfg = yaml.load(f, Loader=yaml.CLoader)'],
    ],
    good: [
      ['a.py', 'cfg = yaml.load(f, Loader=yaml.SafeLoader)'],
      ['a.py', 'cfg = yaml.load(f, Loader=CSafeLoader)'],
    ],
  },
  'security/java-unsafe-deserialization': {
    bad: [
      ['A.java', 'ObjectInputStream in = new ObjectInputStream(socket.getInputStream());'],
      ['A.java', 'XMLDecoder d = new XMLDecoder(input);'],
      ['A.java', 'mapper.activateDefaultTyping(ptv);'],
    ],
    good: [
      ['A.java', 'ObjectOutputStream out = new ObjectOutputStream(stream);'],
      ['A.java', 'Order o = mapper.readValue(json, Order.class);'],
    ],
  },
  'security/insecure-http-url': {
    bad: [
      ['a.ts', 'fetch("http://api.acme.io/v1/orders");'],
      ['a.py', 'requests.get("http://payments.example-bank.co.uk/charge")'],
      ['a.go', 'resp, err := http.Get("http://8.8.8.8/dns")'],
      ['A.java', 'URL u = new URL("http://cdn.acme.com/lib.js");'],
    ],
    good: [
      ['a.ts', 'fetch("https://api.acme.io/v1/orders");'],
      ['a.ts', 'fetch("http://localhost:3000/health");'],
      ['a.ts', 'fetch("http://127.0.0.1:8080/");'],
      ['a.py', 'requests.get("http://web:8000/")'],
      ['a.ts', 'el.setAttribute("xmlns", "http://www.w3.org/2000/svg");'],
      ['a.ts', 'const url = "http://example.com/docs";'],
      ['a.ts', 'fetch("http://api.internal/v1");'],
      ['a.ts', 'fetch("http://169.254.169.254/latest/meta-data/");'],
      ['a.ts', '// see http://api.acme.io/docs'],
      ['a.ts', 'const base = `http://${host}/api`;'],
    ],
  },
  'security/cors-wildcard-credentials': {
    bad: [
      ['a.ts', "app.use(cors({ origin: '*', credentials: true }));"],
      ['a.ts', 'app.use(cors({\n  credentials: true,\n  origin: true,\n}));'],
      ['a.py', 'app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)'],
      ['a.py', 'CORS(app, origins="*", supports_credentials=True)'],
      ['a.py', 'CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True'],
      ['A.java', 'registry.addMapping("/**").allowedOrigins("*").allowCredentials(true);'],
      ['A.java', '@CrossOrigin(origins = "*", allowCredentials = "true")'],
      ['a.go', 'r.Use(cors.New(cors.Config{AllowAllOrigins: true, AllowCredentials: true}))'],
      ['a.ts', 'res.setHeader("Access-Control-Allow-Origin", "*");\nres.setHeader("Access-Control-Allow-Credentials", "true");'],
    ],
    good: [
      ['a.ts', "app.use(cors({ origin: 'https://app.acme.io', credentials: true }));"],
      ['a.ts', "app.use(cors({ origin: '*' }));"],
      ['a.py', 'app.add_middleware(CORSMiddleware, allow_origins=["https://app.acme.io"], allow_credentials=True)'],
      ['a.go', 'r.Use(cors.New(cors.Config{AllowOrigins: []string{"https://app.acme.io"}, AllowCredentials: true}))'],
    ],
  },
};

describe('conductor:security', () => {
  let policy: Policy;
  before(() => {
    policy = policyFor('security');
  });

  it('has positive and negative cases for every rule', () => {
    const ids = [...policy.resolved.patterns.keys()];
    assert.deepStrictEqual(ids.filter((id) => !CASES[id]), []);
    assert.deepStrictEqual(Object.keys(CASES).filter((id) => !ids.includes(id)), []);
  });

  it('does not redefine the ids of conductor:recommended', () => {
    const recommended = policyFor('recommended');
    const both = policyFor('recommended', 'security');
    for (const id of recommended.resolved.patterns.keys()) {
      assert.ok(!policy.resolved.patterns.has(id), id);
      assert.strictEqual(both.resolved.patterns.get(id)?.origin, 'conductor:recommended', id);
    }
  });

  for (const [id, { bad, good }] of Object.entries(CASES)) {
    describe(id, () => {
      for (const [file, code] of bad) {
        it(`reports ${JSON.stringify(code.slice(0, 70))}`, () => {
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

  it('fixes yaml.load( to yaml.safe_load( safely', () => {
    const [f] = scan(policy, 'a.py', 'cfg = yaml.load(open(path))\n').filter((x) => x.ruleId === 'security/yaml-unsafe-load');
    assert.strictEqual(f.fixes.length, 1);
    assert.strictEqual(f.fixes[0].safe, true);
    assert.strictEqual(f.fixes[0].edits[0].newText, 'yaml.safe_load(open(path))');
    const [all] = scan(policy, 'a.py', 'docs = yaml.load_all(s)\n').filter((x) => x.ruleId === 'security/yaml-unsafe-load');
    assert.strictEqual(all.fixes[0].edits[0].newText, 'yaml.safe_load_all(s)');
  });

  it('offers http:// → https:// only on request (fixSafe false)', () => {
    const [f] = scan(policy, 'a.ts', 'fetch("http://api.acme.io/v1");\n');
    assert.strictEqual(f.ruleId, 'security/insecure-http-url');
    assert.strictEqual(f.fixes[0].safe, false);
    assert.strictEqual(f.fixes[0].edits[0].newText, '"https://api.acme.io');
    assert.match(f.message, /api\.acme\.io/);
  });

  it('together with conductor:recommended, reports each classic TLS bypass once', () => {
    const both = policyFor('recommended', 'security');
    const samples: Sample[] = [
      ['a.ts', 'https.get(url, { rejectUnauthorized: false });'],
      ['a.py', 'requests.get(url, verify=False)'],
      ['a.go', 'cfg := &tls.Config{InsecureSkipVerify: true}'],
      ['a.ts', 'process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";'],
      ['a.ts', 'agent.options.rejectUnauthorized = false;'],
    ];
    for (const [file, code] of samples) {
      const tls = scan(both, file, code + '\n').filter((f) => f.ruleId.startsWith('security/tls-'));
      assert.strictEqual(tls.length, 1, `${code}: ${tls.map((f) => f.ruleId).join(', ')}`);
    }
  });
});
