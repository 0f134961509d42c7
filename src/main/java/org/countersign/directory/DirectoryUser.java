package org.countersign.directory;

import java.util.List;
import java.util.Map;

/**
 * A user found in a directory: the stable id (by the resolver's UIDTYPE), the entry's DN (for the
 * bind), the login name and the mapped attributes (privacyIDEA's field name to its values).
 */
public record DirectoryUser(
    String uid, String dn, String username, Map<String, List<String>> attributes) {

  public DirectoryUser {
    attributes = Map.copyOf(attributes);
  }

  /** The first value of a mapped field, or empty. */
  public String first(String field) {
    List<String> values = attributes.get(field);
    return values == null || values.isEmpty() ? "" : values.get(0);
  }

  @Override
  public String toString() {
    return "DirectoryUser[" + username + "]";
  }
}
