package org.countersign.policy;

import java.util.Collection;

/**
 * A source of policy actions, as a CDI bean: the core declares its own ({@link CoreActions}), and a
 * token type declares those of its enrolment (such as its code length) without the core naming it.
 */
public interface ActionProvider {

  Collection<ActionSpec> actions();
}
