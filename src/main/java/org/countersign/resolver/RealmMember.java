package org.countersign.resolver;

import java.util.Optional;

/** A resolver in a realm, with its priority (lower is asked first; none is asked last). */
public record RealmMember(String resolver, Optional<Integer> priority) {}
