package org.countersign.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A policy as an administrator sends it. Absent lists and priority keep the stored policy's on an
 * update (as in privacyIDEA); {@code active} defaults to true and the description is replaced.
 */
public record PolicyDraft(
    String name,
    String scope,
    Map<String, String> actions,
    Optional<List<String>> realms,
    Optional<List<String>> resolvers,
    Optional<List<String>> users,
    Optional<List<String>> clients,
    Optional<Integer> priority,
    boolean active,
    Optional<String> description) {}
