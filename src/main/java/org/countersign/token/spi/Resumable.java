package org.countersign.token.spi;

import org.countersign.token.Token;

/**
 * Capability of a type whose set-up a person may leave and resume: shows the same provisioning
 * again for a token still waiting for its first code, from its reopened seed, exactly as at
 * enrolment.
 */
public interface Resumable {

  /**
   * The provisioning of {@code token} again; {@code account} is the name it shows in the app. The
   * seed belongs to the caller.
   */
  Provisioning resume(Token token, byte[] seed, String account);
}
