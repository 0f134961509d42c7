/**
 * Secrets at rest: the master key file, AES-GCM sealing of token seeds, keyed PIN hashes and slow
 * password hashes. Nothing here logs, and no secret appears in an exception message.
 */
package org.countersign.crypto;
