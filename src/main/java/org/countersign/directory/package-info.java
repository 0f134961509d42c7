/**
 * The LDAP directory client (OpenLDAP, Active Directory): one {@link
 * org.countersign.directory.LdapDirectory} per configured resolver, with its connection pool bound
 * as the service account, user look-ups by filters the SDK encodes (never by string concatenation),
 * a password check by a bind as the user on a connection of its own, fail-over across the
 * configured URIs, timeouts on every operation and a bounded cache of look-ups. Pure client code:
 * no CDI, no database, no transport.
 */
package org.countersign.directory;
