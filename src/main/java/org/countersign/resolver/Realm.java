package org.countersign.resolver;

import java.util.Comparator;
import java.util.List;

/** A realm: its name, its resolvers in the order they are asked, and whether it is the default. */
public record Realm(long id, String name, List<RealmMember> members, boolean isDefault) {

  public Realm {
    members =
        members.stream()
            .sorted(Comparator.comparing((RealmMember m) -> m.priority().orElse(Integer.MAX_VALUE)))
            .toList();
  }

  public List<String> resolvers() {
    return members.stream().map(RealmMember::resolver).toList();
  }
}
