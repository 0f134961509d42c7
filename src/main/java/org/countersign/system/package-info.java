/** Start-up: schema migrations, the master key check and the first admin account. */
package org.countersign.system;
