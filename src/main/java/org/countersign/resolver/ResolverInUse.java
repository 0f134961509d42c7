package org.countersign.resolver;

import org.countersign.error.Reason;

/** A resolver that a realm still lists cannot be deleted. */
public class ResolverInUse extends ResolverException {

  public ResolverInUse(String resolver, String realm) {
    super(
        Reason.CONFIG, "The resolver " + resolver + " is still contained in realm " + realm + ".");
  }
}
