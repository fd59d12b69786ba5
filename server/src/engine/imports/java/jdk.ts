const JDK_PREFIXES = ['java.', 'javax.', 'jdk.', 'sun.', 'com.sun.', 'org.w3c.dom.', 'org.xml.sax.', 'org.ietf.jgss.', 'org.omg.'];

/** The JDK's packages (and the XML/CORBA APIs it bundles): `java.util.List`, `javax.crypto.Cipher`. */
export function isJdk(name: string): boolean {
  return JDK_PREFIXES.some((p) => name.startsWith(p));
}
