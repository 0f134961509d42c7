/**
 * User resolvers and realms in privacyIDEA's model, kept in the database so that every node shares
 * them: the built-in user store is the resolver type {@code builtin}, an LDAP directory the type
 * {@code ldapresolver} (its bind password sealed with the master key). A realm is an ordered list
 * of resolvers; one realm is the default. {@link org.countersign.resolver.DirectoryPool} holds this
 * node's open directory per LDAP resolver and rebuilds it when any node changed the resolver.
 */
package org.countersign.resolver;
