package org.countersign.directory;

import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The servers of a resolver as UnboundID's fail-over set: each URI in the configured order, LDAPS
 * or StartTLS as configured, trusting the configured CA file (or the JVM's trust store), and the
 * host name checked unless TLS_VERIFY is off.
 */
final class Connections {

  private Connections() {}

  static ServerSet serverSet(LdapConfig config) {
    LDAPConnectionOptions options = new LDAPConnectionOptions();
    int timeout = (int) config.timeout().toMillis();
    options.setConnectTimeoutMillis(timeout);
    options.setResponseTimeoutMillis(timeout);
    options.setFollowReferrals(!config.noReferrals());
    options.setAbandonOnTimeout(true);
    if (config.tlsVerify()) {
      options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
    }
    boolean tls = config.startTls() || config.servers().stream().anyMatch(LdapConfig.Server::ldaps);
    SSLUtil ssl = tls ? sslUtil(config) : null;
    List<ServerSet> sets = new ArrayList<>();
    for (LdapConfig.Server s : config.servers()) {
      try {
        if (s.ldaps()) {
          sets.add(new SingleServerSet(s.host(), s.port(), ssl.createSSLSocketFactory(), options));
        } else if (config.startTls()) {
          SSLContext context = ssl.createSSLContext();
          PostConnectProcessor startTls = new StartTLSPostConnectProcessor(context);
          sets.add(new SingleServerSet(s.host(), s.port(), null, options, null, startTls));
        } else {
          sets.add(new SingleServerSet(s.host(), s.port(), options));
        }
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException("Invalid parameter 'TLS_CA_FILE': no TLS context", e);
      }
    }
    return sets.size() == 1 ? sets.get(0) : new FailoverServerSet(sets);
  }

  private static SSLUtil sslUtil(LdapConfig config) {
    TrustManager trust;
    if (!config.tlsVerify()) {
      trust = new TrustAllTrustManager();
    } else if (config.caFile().isPresent()) {
      try {
        trust = new PEMFileTrustManager(config.caFile().get().toFile());
      } catch (GeneralSecurityException | RuntimeException e) {
        throw new IllegalArgumentException(
            "Invalid parameter 'TLS_CA_FILE': not a PEM file of CA certificates");
      }
    } else {
      trust = JVMDefaultTrustManager.getInstance();
    }
    return new SSLUtil(trust);
  }
}
