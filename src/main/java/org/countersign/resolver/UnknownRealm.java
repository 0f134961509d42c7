package org.countersign.resolver;

import org.countersign.error.Reason;

/** No realm (or no resolver) has this name. */
public class UnknownRealm extends ResolverException {

  public UnknownRealm(String what, String name) {
    super(Reason.NOT_FOUND, "The " + what + " " + name + " does not exist.");
  }
}
