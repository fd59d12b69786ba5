import { builtinModules } from 'module';
import { PYTHON_STDLIB } from '../python/stdlib';

const NODE_BUILTINS = new Set(builtinModules);

/** `fs`, `fs/promises`, `node:test`… (the `node:` prefix makes anything a built-in request). */
export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0]);
}

/** The package an npm specifier names: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
export function npmPackageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** `@types/` package that carries a package's types: `@scope/name` → `@types/scope__name`. */
export function typesPackageFor(name: string): string {
  return `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
}

export function isPythonStdlib(topLevel: string): boolean {
  return PYTHON_STDLIB.has(topLevel);
}

/** Go's standard library: no dot in the first path element (`fmt`, `net/http`, `golang.org/x/…` is not std). */
export function isGoStd(importPath: string): boolean {
  return !importPath.split('/')[0].includes('.');
}

const JDK_PREFIXES = ['java.', 'javax.', 'jdk.', 'sun.', 'com.sun.', 'org.w3c.dom.', 'org.xml.sax.', 'org.ietf.jgss.', 'org.omg.'];

export function isJdk(name: string): boolean {
  return JDK_PREFIXES.some((p) => name.startsWith(p));
}

/**
 * Import names whose distribution is called something else (`import yaml` ← PyYAML). Keys are import
 * names; values are normalised distribution names. Not exhaustive: the common cases AI code hits.
 */
export const PYTHON_IMPORT_ALIASES: Record<string, string[]> = {
  yaml: ['pyyaml'],
  cv2: ['opencv-python', 'opencv-python-headless', 'opencv-contrib-python', 'opencv-contrib-python-headless'],
  PIL: ['pillow'],
  sklearn: ['scikit-learn'],
  skimage: ['scikit-image'],
  bs4: ['beautifulsoup4'],
  dateutil: ['python-dateutil'],
  dotenv: ['python-dotenv'],
  jwt: ['pyjwt'],
  attr: ['attrs'],
  magic: ['python-magic'],
  serial: ['pyserial'],
  usb: ['pyusb'],
  Crypto: ['pycryptodome', 'pycrypto'],
  Cryptodome: ['pycryptodomex'],
  OpenSSL: ['pyopenssl'],
  git: ['gitpython'],
  docx: ['python-docx'],
  pptx: ['python-pptx'],
  fitz: ['pymupdf'],
  MySQLdb: ['mysqlclient'],
  psycopg2: ['psycopg2', 'psycopg2-binary'],
  psycopg: ['psycopg', 'psycopg-binary'],
  telegram: ['python-telegram-bot'],
  slugify: ['python-slugify'],
  multipart: ['python-multipart'],
  jose: ['python-jose'],
  socketio: ['python-socketio'],
  engineio: ['python-engineio'],
  Levenshtein: ['python-levenshtein', 'levenshtein'],
  zmq: ['pyzmq'],
  win32api: ['pywin32'],
  win32con: ['pywin32'],
  pkg_resources: ['setuptools'],
  _pytest: ['pytest'],
  ldap: ['python-ldap'],
  gi: ['pygobject'],
  wx: ['wxpython'],
  kafka: ['kafka-python'],
  memcache: ['python-memcached'],
  nacl: ['pynacl'],
  dns: ['dnspython'],
  Bio: ['biopython'],
  igraph: ['python-igraph', 'igraph'],
  grpc: ['grpcio'],
  websocket: ['websocket-client'],
  OpenGL: ['pyopengl'],
  faiss: ['faiss-cpu', 'faiss-gpu'],
  tensorflow: ['tensorflow', 'tensorflow-cpu', 'tensorflow-gpu', 'tf-nightly', 'tensorflow-macos'],
  ruamel: ['ruamel-yaml'],
  markdown_it: ['markdown-it-py'],
  mpl_toolkits: ['matplotlib'],
  pylab: ['matplotlib'],
  sentry_sdk: ['sentry-sdk'],
  google: [],
  azure: [],
};

/** Namespace packages: `import google.cloud.storage` is declared by any `google-…` distribution. */
export const PYTHON_NAMESPACE_ROOTS = new Set(['google', 'azure', 'zope', 'jaraco', 'backports', 'sphinxcontrib', 'opentelemetry', 'ruamel']);
