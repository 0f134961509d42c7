/**
 * The operators' pages under {@code /ui/admin/}: an administrator's own sign-in (the accounts of
 * the API, throttled like every password check), the users of each realm, a user's tokens, the
 * audit trail with its CSV export, and the policies. Pages act as a {@link
 * org.countersign.auth.Caller} of role admin, so the same services as the REST API decide and write
 * the audit trail, naming the administrator. A person's page session or JWT never opens these
 * pages, and an administrator's session is no person's session on the self-service pages.
 */
package org.countersign.web.admin;
