/** API authentication: password login, JWT issue and checks, the authenticated caller and its role. */
package org.countersign.auth;
