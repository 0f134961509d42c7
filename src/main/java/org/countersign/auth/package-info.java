/**
 * API authentication: password login, JWT issue and checks, the authenticated caller and its role,
 * and the one password throttle (kept in the database, per account and per client address) that
 * every password check, API and pages, consults before the password is looked at.
 */
package org.countersign.auth;
